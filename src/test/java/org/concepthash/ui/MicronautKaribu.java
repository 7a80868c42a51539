package org.concepthash.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.mock.MockService;
import com.github.mvysny.kaributesting.v10.mock.MockVaadinServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServletService;
import io.micronaut.context.BeanContext;
import java.util.Optional;
import org.concepthash.ui.server.MicronautInstantiator;

/**
 * Browserless Vaadin (Karibu-Testing) whose views come from a real Micronaut context, as in the
 * app.
 */
public final class MicronautKaribu {
  private MicronautKaribu() {}

  public static void setup(BeanContext beans) {
    Routes routes = new Routes().autoDiscoverViews("org.concepthash.ui");
    MockVaadinServlet servlet =
        new MockVaadinServlet(routes) {
          @Override
          protected VaadinServletService createServletService(DeploymentConfiguration configuration)
              throws ServiceException {
            MockService service =
                new MockService(this, configuration, UI::new) {
                  @Override
                  protected Optional<Instantiator> loadInstantiators() {
                    return Optional.of(new MicronautInstantiator(this, beans));
                  }
                };
            service.init();
            routes.register(service.getContext());
            return service;
          }
        };
    MockVaadin.setup(UI::new, servlet);
  }

  public static void tearDown() {
    MockVaadin.tearDown();
  }

  /**
   * Signs the mocked session in, for tests outside this package (the user must exist for guarded
   * views).
   */
  public static void signIn(String username, org.concepthash.accounts.Role role) {
    CurrentUser.signIn(new org.concepthash.accounts.SignedInUser(username, role));
  }
}
