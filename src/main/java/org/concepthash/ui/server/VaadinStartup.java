package org.concepthash.ui.server;

import com.vaadin.flow.di.LookupInitializer;
import com.vaadin.flow.server.startup.ClassLoaderAwareServletContainerInitializer;
import com.vaadin.flow.server.startup.ErrorNavigationTargetInitializer;
import com.vaadin.flow.server.startup.LookupServletContainerInitializer;
import com.vaadin.flow.server.startup.RouteRegistryInitializer;
import com.vaadin.flow.server.startup.VaadinAppShellInitializer;
import io.micronaut.context.BeanContext;
import io.micronaut.inject.BeanDefinition;
import jakarta.inject.Singleton;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.HandlesTypes;
import java.lang.annotation.Annotation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Starts Vaadin inside Micronaut's embedded Tomcat (there is no released Vaadin-Micronaut
 * integration). Tomcat hands every {@link ServletContainerInitializer} bean to the servlet context;
 * this one runs Vaadin's own initializers with the classes of our bean definitions (in place of the
 * class-path scanning a container would do for their {@code @HandlesTypes}) and registers the
 * Vaadin servlet on {@code /*}. Micronaut's own servlet keeps {@code /api/*}.
 */
@Singleton
final class VaadinStartup implements ServletContainerInitializer {

  private final BeanContext beans;

  VaadinStartup(BeanContext beans) {
    this.beans = beans;
  }

  @Override
  public void onStartup(Set<Class<?>> ignored, ServletContext context) throws ServletException {
    new LookupServletContainerInitializer().process(Set.of(LookupInitializer.class), context);
    Set<Class<?>> types = new LinkedHashSet<>();
    for (BeanDefinition<?> definition : beans.getAllBeanDefinitions()) {
      types.add(definition.getBeanType());
    }
    List<ClassLoaderAwareServletContainerInitializer> initializers =
        List.of(
            new RouteRegistryInitializer(),
            new ErrorNavigationTargetInitializer(),
            new VaadinAppShellInitializer());
    for (ClassLoaderAwareServletContainerInitializer initializer : initializers) {
      initializer.process(handledTypes(initializer, types), context);
    }
    ServletRegistration.Dynamic vaadin =
        context.addServlet("vaadin", new CatalogVaadinServlet(beans));
    vaadin.setAsyncSupported(true);
    vaadin.setLoadOnStartup(1);
    vaadin.addMapping("/*");
  }

  /**
   * The types an initializer would receive from a container scanning for its {@code @HandlesTypes}.
   */
  @SuppressWarnings("unchecked")
  private static Set<Class<?>> handledTypes(Object initializer, Set<Class<?>> types) {
    HandlesTypes handles = initializer.getClass().getAnnotation(HandlesTypes.class);
    Set<Class<?>> handled = new LinkedHashSet<>();
    if (handles == null) {
      return handled;
    }
    for (Class<?> type : types) {
      for (Class<?> wanted : handles.value()) {
        boolean matches =
            wanted.isAnnotation()
                ? type.isAnnotationPresent((Class<? extends Annotation>) wanted)
                : wanted.isAssignableFrom(type) && !wanted.equals(type);
        if (matches) {
          handled.add(type);
          break;
        }
      }
    }
    return handled;
  }
}
