package org.concepthash.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.micronaut.context.annotation.Prototype;
import java.util.List;

/**
 * The navigation shell around every view: menu entries the user's role allows (a view's {@link
 * RequiresRole}), the current user, sign in / sign out.
 */
@Prototype
public class MainLayout extends AppLayout implements BeforeEnterObserver {

  private record Entry(
      String label, Class<? extends com.vaadin.flow.component.Component> view, VaadinIcon icon) {}

  private static final List<Entry> MENU =
      List.of(
          new Entry("Catalog", CatalogView.class, VaadinIcon.PICTURE),
          new Entry("Upload & label", UploadView.class, VaadinIcon.UPLOAD),
          new Entry("Search", SearchView.class, VaadinIcon.SEARCH),
          new Entry("Concepts", ConceptsView.class, VaadinIcon.CLUSTER),
          new Entry("Training", TrainingView.class, VaadinIcon.COG),
          new Entry("Models", ModelsView.class, VaadinIcon.CUBES),
          new Entry("Users", UsersView.class, VaadinIcon.USERS));

  private final UiAccess access;
  private final SideNav nav = new SideNav();
  private final HorizontalLayout right = new HorizontalLayout();

  public MainLayout(UiAccess access) {
    this.access = access;
    H1 title = new H1("ConceptHash Catalog");
    title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
    nav.setId("main-nav");
    right.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    right.addClassNames(LumoUtility.Margin.Left.AUTO, LumoUtility.Margin.Right.MEDIUM);
    addToNavbar(new DrawerToggle(), title, right);
    addToDrawer(nav);
    setPrimarySection(Section.DRAWER);
    showUser();
  }

  /** The layout outlives navigations within it, and the user or role may have changed since. */
  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    showUser();
  }

  private void showUser() {
    nav.removeAll();
    for (Entry e : MENU) {
      if (access.allowsView(e.view())) {
        nav.addItem(new SideNavItem(e.label(), e.view(), e.icon().create()));
      }
    }
    Span user =
        new Span(access.user().map(u -> u.username() + " (" + u.role().id() + ")").orElse(""));
    user.setId("current-user");
    Button session;
    if (access.signedIn()) {
      session = new Button("Sign out", e -> signOut());
      session.setId("logout");
    } else {
      session = new Button("Sign in", e -> UI.getCurrent().navigate(LoginView.class));
      session.setId("login");
    }
    session.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    right.removeAll();
    right.add(user, session);
  }

  /**
   * Forgets the user, ends the HTTP session (and with it this UI) and reloads at the login page.
   */
  static void signOut() {
    CurrentUser.forget();
    UI.getCurrent().getPage().setLocation("login");
    VaadinSession.getCurrent().getSession().invalidate();
  }
}
