import '@vaadin/polymer-legacy-adapter/style-modules.js';
import '@vaadin/vertical-layout/src/vaadin-vertical-layout.js';
import '@vaadin/app-layout/src/vaadin-app-layout.js';
import '@vaadin/side-nav/src/vaadin-side-nav.js';
import '@vaadin/side-nav/src/vaadin-side-nav-item.js';
import '@vaadin/tooltip/src/vaadin-tooltip.js';
import '@vaadin/icons/vaadin-iconset.js';
import '@vaadin/icon/src/vaadin-icon.js';
import '@vaadin/app-layout/src/vaadin-drawer-toggle.js';
import '@vaadin/button/src/vaadin-button.js';
import 'Frontend/generated/jar-resources/disableOnClickFunctions.js';
import '@vaadin/combo-box/src/vaadin-combo-box.js';
import 'Frontend/generated/jar-resources/flow-component-renderer.js';
import 'Frontend/generated/jar-resources/comboBoxConnector.js';
import '@vaadin/multi-select-combo-box/src/vaadin-multi-select-combo-box.js';
import '@vaadin/select/src/vaadin-select.js';
import 'Frontend/generated/jar-resources/selectConnector.js';
import 'Frontend/generated/jar-resources/lit-renderer.ts';
import '@vaadin/horizontal-layout/src/vaadin-horizontal-layout.js';
import '@vaadin/checkbox/src/vaadin-checkbox.js';
import '@vaadin/notification/src/vaadin-notification.js';
import '@vaadin/common-frontend/ConnectionIndicator.js';
import '@vaadin/vaadin-lumo-styles/color-global.js';
import '@vaadin/vaadin-lumo-styles/typography-global.js';
import '@vaadin/vaadin-lumo-styles/sizing.js';
import '@vaadin/vaadin-lumo-styles/spacing.js';
import '@vaadin/vaadin-lumo-styles/style.js';
import '@vaadin/vaadin-lumo-styles/vaadin-iconset.js';
import 'Frontend/generated/jar-resources/ReactRouterOutletElement.tsx';

const loadOnDemand = (key) => {
  const pending = [];
  if (key === '434ecb975de267cae16c78ba6d115b5a358cc4c7905361f29308da0c25ab47ee') {
    pending.push(import('./chunks/chunk-8863571ddfa93c5fab7fa194b733191018f6fa82274181a9e77d1b06c8e13324.js'));
  }
  if (key === '195a1a37c4bbdc86fc18e565e6c66b1e1badc3e3e5c9d17e073b75c0300f889c') {
    pending.push(import('./chunks/chunk-8c8acfd1c9fa192c82be50eea0cf83e77877ebdb15fc57bc9889edd707ab6948.js'));
  }
  if (key === '174e97ca7665b4ad7bd3f16bf1963b6546396a6ad8b9dc2ae534d6805c342830') {
    pending.push(import('./chunks/chunk-bc9b68673fde27e86fcae59e10e16c85e7ddd4a28816756745d3b23cd50de2cb.js'));
  }
  if (key === '9448ccdc05c8ff1406be42f6fe38a5b552d74a57f79d098827bb31d23935063a') {
    pending.push(import('./chunks/chunk-8c8acfd1c9fa192c82be50eea0cf83e77877ebdb15fc57bc9889edd707ab6948.js'));
  }
  if (key === 'a7215364e41a0b267e61013eea4e42da1cf0624f0df7bbb598d658368c1fdbd2') {
    pending.push(import('./chunks/chunk-8c8acfd1c9fa192c82be50eea0cf83e77877ebdb15fc57bc9889edd707ab6948.js'));
  }
  if (key === '3a6ef1e13ce8bc6a9288222c99f978ff395f70190cfebc55f04c1e845e8b9032') {
    pending.push(import('./chunks/chunk-8c8acfd1c9fa192c82be50eea0cf83e77877ebdb15fc57bc9889edd707ab6948.js'));
  }
  return Promise.all(pending);
}

window.Vaadin = window.Vaadin || {};
window.Vaadin.Flow = window.Vaadin.Flow || {};
window.Vaadin.Flow.loadOnDemand = loadOnDemand;
window.Vaadin.Flow.resetFocus = () => {
 let ae=document.activeElement;
 while(ae&&ae.shadowRoot) ae = ae.shadowRoot.activeElement;
 return !ae || ae.blur() || ae.focus() || true;
}