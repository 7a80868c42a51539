package org.concepthash.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concepthash.accounts.AccountService;
import org.concepthash.accounts.FirstAdmin;
import org.concepthash.accounts.Role;
import org.concepthash.accounts.SignedInUser;
import org.concepthash.catalog.CatalogService;
import org.concepthash.catalog.ImageIngest;
import org.concepthash.catalog.IngestRequest;
import org.concepthash.data.Split;
import org.concepthash.testing.KaribuViews;
import org.concepthash.testing.TestCatalog;
import org.concepthash.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Views and view actions by role, browserless (Karibu) on the real services: which views open for
 * whom, which actions are shown, and that a hidden action fired anyway is refused on the server.
 * Also the first-admin setup page, login and logout. Anonymous access is off here (external
 * database).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ViewAccessIT {

  /** The least role of every route; a route missing here fails {@link #everyRouteIsInTheMatrix}. */
  private static final Map<Class<? extends Component>, Role> LEAST = new LinkedHashMap<>();

  static {
    LEAST.put(CatalogView.class, Role.VIEWER);
    LEAST.put(ImageDetailView.class, Role.VIEWER);
    LEAST.put(SearchView.class, Role.VIEWER);
    LEAST.put(ConceptsView.class, Role.VIEWER);
    LEAST.put(TrainingView.class, Role.VIEWER);
    LEAST.put(ModelsView.class, Role.VIEWER);
    LEAST.put(UploadView.class, Role.CURATOR);
    LEAST.put(UsersView.class, Role.ADMIN);
    LEAST.put(LoginView.class, null);
    LEAST.put(SetupView.class, null);
  }

  private static final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private static TestCatalog app;
  private static long imageId;

  @RegisterExtension final KaribuViews views = KaribuViews.on(() -> app);

  @BeforeAll
  static void start() throws Exception {
    log.start();
    ((Logger) LoggerFactory.getLogger(FirstAdmin.class)).addAppender(log);
    app = TestCatalog.server(); // the setup token is issued when the web server starts
    imageId =
        app.bean(ImageIngest.class)
            .ingest(
                new ByteArrayInputStream(TestImages.png(20, 20, 3)),
                IngestRequest.upload("a.png", null, Split.TRAIN, "test"))
            .image()
            .id();
  }

  @AfterAll
  static void stop() {
    ((Logger) LoggerFactory.getLogger(FirstAdmin.class)).detachAppender(log);
    app.close();
  }

  /** Signs the session in as a real user of that role. */
  private void signInAs(Role role) {
    views.signIn("ui-" + role.id(), role);
  }

  private static String path(Class<? extends Component> view) {
    String route = view.getAnnotation(Route.class).value();
    return route.replace(":id", String.valueOf(imageId));
  }

  /** The component of that type, visible or not (Karibu's locators find visible ones only). */
  private static <T extends Component> T hidden(Component root, Class<T> type) {
    return all(root).filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }

  private static java.util.stream.Stream<Component> all(Component c) {
    return java.util.stream.Stream.concat(
        java.util.stream.Stream.of(c), c.getChildren().flatMap(ViewAccessIT::all));
  }

  @Test
  @Order(1)
  void theSetupTokenFromTheLogCreatesTheFirstAdminAndSignsIn() {
    UI.getCurrent().navigate("");
    assertEquals(1, _find(LoginView.class).size(), "nobody signed in: the login page");
    UI.getCurrent().navigate("setup");
    _get(TextField.class, s -> s.withId("setup-token")).setValue("not-the-token");
    _get(PasswordField.class, s -> s.withId("setup-password")).setValue("the-first-admin-pw");
    _get(PasswordField.class, s -> s.withId("setup-repeat")).setValue("the-first-admin-pw");
    _get(Button.class, s -> s.withId("setup-create")).click();
    assertFalse(app.bean(AccountService.class).hasUsers());
    String token = org.concepthash.accounts.FirstAdminTokens.from(log);
    _get(TextField.class, s -> s.withId("setup-token")).setValue(token);
    _get(Button.class, s -> s.withId("setup-create")).click();
    assertEquals(Role.ADMIN, app.bean(AccountService.class).find("admin").orElseThrow().role());
    assertEquals(1, _find(UsersView.class).size(), "signed in as the new admin, on the users page");
    assertEquals("admin (admin)", _get(Span.class, s -> s.withId("current-user")).getText());
  }

  @Test
  void everyRouteIsInTheMatrix() {
    List<Class<? extends Component>> routes =
        new ArrayList<>(new Routes().autoDiscoverViews("org.concepthash.ui").getRoutes());
    for (Class<? extends Component> route : routes) {
      assertTrue(
          LEAST.containsKey(route),
          route.getSimpleName() + " has no entry in the view role matrix");
    }
  }

  @Test
  void viewRoleMatrix() {
    List<String> failures = new ArrayList<>();
    List<Optional<Role>> callers = new ArrayList<>();
    callers.add(Optional.empty());
    for (Role r : Role.values()) {
      callers.add(Optional.of(r));
    }
    for (Optional<Role> caller : callers) {
      CurrentUser.forget();
      caller.ifPresent(this::signInAs);
      for (Map.Entry<Class<? extends Component>, Role> e : LEAST.entrySet()) {
        if (e.getValue() == null) {
          continue;
        }
        UI.getCurrent().navigate(path(e.getKey()));
        boolean allowed = caller.map(r -> r.includes(e.getValue())).orElse(false);
        boolean shown = !_find(e.getKey()).isEmpty();
        String who = caller.map(Role::id).orElse("anonymous");
        if (allowed != shown) {
          failures.add(
              e.getKey().getSimpleName() + " as " + who + ": " + (allowed ? "refused" : "shown"));
        }
        if (!allowed) {
          Class<? extends Component> instead =
              caller.isPresent() ? AccessDeniedView.class : LoginView.class;
          if (_find(instead).isEmpty()) {
            failures.add(
                e.getKey().getSimpleName() + " as " + who + ": no " + instead.getSimpleName());
          }
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void theMenuShowsWhatTheRoleAllowsAndTheCurrentUser() {
    signInAs(Role.VIEWER);
    UI.getCurrent().navigate("");
    List<String> entries =
        _get(SideNav.class, s -> s.withId("main-nav")).getItems().stream()
            .map(SideNavItem::getLabel)
            .toList();
    assertTrue(entries.contains("Catalog"));
    assertFalse(entries.contains("Upload & label"));
    assertFalse(entries.contains("Users"));
    assertEquals("ui-viewer (viewer)", _get(Span.class, s -> s.withId("current-user")).getText());
    signInAs(Role.ADMIN);
    UI.getCurrent().navigate("images/" + imageId);
    List<String> adminEntries =
        _get(SideNav.class, s -> s.withId("main-nav")).getItems().stream()
            .map(SideNavItem::getLabel)
            .toList();
    assertTrue(
        adminEntries.containsAll(List.of("Catalog", "Upload & label", "Users")),
        adminEntries.toString());
  }

  @Test
  void labellingIsHiddenFromViewersAndRefusedWhenFiredAnyway() {
    signInAs(Role.VIEWER);
    for (String route : List.of("", "images/" + imageId)) {
      UI.getCurrent().navigate(route);
      LabelAssigner assigner = hidden(UI.getCurrent(), LabelAssigner.class);
      assertFalse(assigner.isVisible(), route + ": labelling hidden from a viewer");
      // a client that shows the hidden control anyway: the server still refuses
      if (route.isEmpty()) {
        _get(CatalogView.class).selection().add(imageId);
      }
      ComponentUtil.fireEvent(
          assigner, new LabelAssigner.AssignEvent(assigner, "sneaky_class", true));
      assertTrue(
          app.bean(CatalogService.class).findClass("sneaky_class").isEmpty(),
          route + ": refused on the server");
      assertTrue(app.bean(CatalogService.class).labelHistory(imageId).isEmpty());
    }
    signInAs(Role.CURATOR);
    UI.getCurrent().navigate("images/" + imageId);
    LabelAssigner assigner = _get(LabelAssigner.class);
    assertTrue(assigner.isVisible());
    ComponentUtil.fireEvent(
        assigner, new LabelAssigner.AssignEvent(assigner, "curated_class", true));
    assertEquals(
        "ui-curator",
        app.bean(CatalogService.class).labelHistory(imageId).get(0).by(),
        "recorded for the user");
    app.bean(CatalogService.class).setLabel(imageId, null, "test");
  }

  @Test
  void uploadsAndUserChangesCheckTheRoleOnTheServer() {
    signInAs(Role.CURATOR);
    UI.getCurrent().navigate(UploadView.class);
    UploadView upload = _get(UploadView.class);
    signInAs(Role.VIEWER); // e.g. demoted while the page was open
    assertEquals("refused", upload.store("late.png", TestImages.png(10, 10, 77)).result());
    signInAs(Role.ADMIN);
    UI.getCurrent().navigate(UsersView.class);
    UsersView users = _get(UsersView.class);
    signInAs(Role.CURATOR);
    _get(users, TextField.class, s -> s.withId("user-name")).setValue("mallory");
    _get(users, PasswordField.class, s -> s.withId("user-password")).setValue("mallory-password");
    _get(users, Button.class, s -> s.withId("user-create")).click();
    assertTrue(
        app.bean(AccountService.class).find("mallory").isEmpty(), "a curator cannot create users");
    signInAs(Role.ADMIN);
    _get(users, Button.class, s -> s.withId("user-create")).click();
    _get(users, PasswordField.class, s -> s.withId("user-password")).setValue("mallory-password");
    _get(users, TextField.class, s -> s.withId("user-name")).setValue("mallory");
    _get(users, Button.class, s -> s.withId("user-create")).click();
    assertEquals(Role.VIEWER, app.bean(AccountService.class).find("mallory").orElseThrow().role());
  }

  @Test
  void loginWithThePasswordThenLogout() {
    app.bean(AccountService.class).create("lena", "lena-password-1", Role.CURATOR, "test");
    UI.getCurrent().navigate("login");
    _get(TextField.class, s -> s.withId("login-username")).setValue("lena");
    _get(PasswordField.class, s -> s.withId("login-password")).setValue("wrong-password");
    _get(Button.class, s -> s.withId("login-submit")).click();
    assertTrue(_get(Paragraph.class, s -> s.withId("login-error")).getText().contains("Wrong"));
    assertTrue(CurrentUser.signedIn().isEmpty());
    _get(PasswordField.class, s -> s.withId("login-password")).setValue("lena-password-1");
    _get(Button.class, s -> s.withId("login-submit")).click();
    assertEquals("lena", CurrentUser.signedIn().orElseThrow().username());
    assertEquals(1, _find(CatalogView.class).size());
    assertEquals("lena (curator)", _get(Span.class, s -> s.withId("current-user")).getText());
    _get(Button.class, s -> s.withId("logout")).click();
    assertTrue(CurrentUser.signedIn().isEmpty(), "signed out");
  }

  @Test
  void repeatedWrongPasswordsInTheLoginViewAreSlowedDown() {
    app.bean(AccountService.class).create("greg", "greg-password-1", Role.VIEWER, "test");
    UI.getCurrent().navigate("login");
    for (int i = 0; i < 5; i++) {
      _get(TextField.class, s -> s.withId("login-username")).setValue("greg");
      _get(PasswordField.class, s -> s.withId("login-password")).setValue("guess-" + i);
      _get(Button.class, s -> s.withId("login-submit")).click();
    }
    _get(PasswordField.class, s -> s.withId("login-password")).setValue("greg-password-1");
    _get(Button.class, s -> s.withId("login-submit")).click();
    assertTrue(_get(Paragraph.class, s -> s.withId("login-error")).getText().contains("Too many"));
    assertTrue(CurrentUser.signedIn().isEmpty());
  }

  @Test
  void aDisabledUserIsSignedOutAtTheNextNavigation() {
    AccountService accounts = app.bean(AccountService.class);
    accounts.create("dora", "dora-password-1", Role.CURATOR, "test");
    CurrentUser.signIn(new SignedInUser("dora", Role.CURATOR));
    UI.getCurrent().navigate("");
    assertEquals(1, _find(CatalogView.class).size());
    accounts.setEnabled("dora", false, "test");
    UI.getCurrent().navigate("images/" + imageId);
    assertEquals(1, _find(LoginView.class).size());
    assertTrue(CurrentUser.signedIn().isEmpty());
  }
}
