package org.concepthash.ui.server;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import jakarta.servlet.ServletContainerInitializer;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * Two things embedded Tomcat lacks for Vaadin: the default MIME types (without them the Vaadin
 * bundle is served without a Content-Type and the page stays blank) and the WebSocket container
 * (without it push falls back to long polling).
 */
@Factory
class TomcatSetup {

  @Singleton
  BeanCreatedEventListener<Tomcat> mimeTypes() {
    return (BeanCreatedEvent<Tomcat> event) -> {
      for (Container child : event.getBean().getHost().findChildren()) {
        if (child instanceof Context context) {
          Tomcat.addDefaultMimeTypeMappings(context);
        }
      }
      return event.getBean();
    };
  }

  @Singleton
  ServletContainerInitializer webSockets() {
    return new WsSci();
  }
}
