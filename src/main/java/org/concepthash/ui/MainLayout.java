package org.concepthash.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.micronaut.context.annotation.Prototype;

/** The navigation shell around every view. */
@Prototype
public class MainLayout extends AppLayout {

  public MainLayout() {
    H1 title = new H1("ConceptHash Catalog");
    title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
    SideNav nav = new SideNav();
    nav.addItem(
        new SideNavItem("Catalog", CatalogView.class, VaadinIcon.PICTURE.create()),
        new SideNavItem("Upload & label", UploadView.class, VaadinIcon.UPLOAD.create()),
        new SideNavItem("Search", SearchView.class, VaadinIcon.SEARCH.create()),
        new SideNavItem("Concepts", ConceptsView.class, VaadinIcon.CLUSTER.create()),
        new SideNavItem("Training", TrainingView.class, VaadinIcon.COG.create()),
        new SideNavItem("Models", ModelsView.class, VaadinIcon.CUBES.create()));
    addToNavbar(new DrawerToggle(), title);
    addToDrawer(nav);
    setPrimarySection(Section.DRAWER);
  }
}
