package org.concepthash.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import io.micronaut.context.annotation.Prototype;
import jakarta.servlet.http.HttpServletResponse;

/** What a user sees on a page their role does not allow (HTTP 403). */
@ParentLayout(MainLayout.class)
@Prototype
public class AccessDeniedView extends VerticalLayout
    implements HasErrorParameter<AccessDeniedException> {

  private final Paragraph reason = new Paragraph();

  public AccessDeniedView() {
    setId("access-denied");
    add(new H2("Not allowed"), reason);
  }

  @Override
  public int setErrorParameter(
      BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
    reason.setText(
        (parameter.hasCustomMessage()
                ? parameter.getCustomMessage()
                : parameter.getException().getMessage())
            + " Ask an admin for a role that allows it.");
    return HttpServletResponse.SC_FORBIDDEN;
  }
}
