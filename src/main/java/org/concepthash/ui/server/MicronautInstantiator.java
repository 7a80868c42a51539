package org.concepthash.ui.server;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micronaut.context.BeanContext;
import java.util.stream.Stream;

/**
 * Lets Vaadin create views and other components through the Micronaut context, so views (declared
 * {@code @Route @Prototype}) get their services by constructor injection. Classes without a bean
 * definition are created by Vaadin as usual.
 */
public final class MicronautInstantiator extends DefaultInstantiator {

  private final transient BeanContext beans;

  public MicronautInstantiator(VaadinService service, BeanContext beans) {
    super(service);
    this.beans = beans;
  }

  /** Service init listeners declared as beans (e.g. the view guard) besides Vaadin's own. */
  @Override
  public Stream<VaadinServiceInitListener> getServiceInitListeners() {
    return Stream.concat(
        super.getServiceInitListeners(),
        beans.getBeansOfType(VaadinServiceInitListener.class).stream());
  }

  @Override
  public <T> T getOrCreate(Class<T> type) {
    return beans.findBeanDefinition(type).isPresent()
        ? beans.getBean(type)
        : super.getOrCreate(type);
  }

  @Override
  public <T extends Component> T createComponent(Class<T> type) {
    return beans.findBeanDefinition(type).isPresent()
        ? beans.createBean(type)
        : super.createComponent(type);
  }
}
