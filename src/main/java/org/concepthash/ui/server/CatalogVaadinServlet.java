package org.concepthash.ui.server;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import io.micronaut.context.BeanContext;
import java.net.URL;
import java.util.Optional;

/** The Vaadin servlet of the app: its service instantiates through Micronaut. */
final class CatalogVaadinServlet extends VaadinServlet {

  private final transient BeanContext beans;

  CatalogVaadinServlet(BeanContext beans) {
    this.beans = beans;
  }

  @Override
  protected VaadinServletService createServletService(DeploymentConfiguration configuration)
      throws ServiceException {
    VaadinServletService service = new Service(this, configuration, beans);
    service.init();
    return service;
  }

  private static final class Service extends VaadinServletService {
    private final transient BeanContext beans;

    Service(VaadinServlet servlet, DeploymentConfiguration configuration, BeanContext beans) {
      super(servlet, configuration);
      this.beans = beans;
    }

    @Override
    protected Optional<Instantiator> loadInstantiators() {
      return Optional.of(new MicronautInstantiator(this, beans));
    }

    /**
     * Embedded Tomcat does not serve {@code META-INF/resources} of jars as web resources; Vaadin's
     * push client and our own components live there, so look them up on the class path too.
     */
    @Override
    public URL getStaticResource(String path) {
      URL resource = super.getStaticResource(path);
      if (resource == null && path.startsWith("/") && !path.contains("..")) {
        resource = getClassLoader().getResource("META-INF/resources" + path);
      }
      return resource;
    }
  }
}
