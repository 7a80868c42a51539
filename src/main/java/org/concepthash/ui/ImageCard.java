package org.concepthash.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.function.Consumer;
import org.concepthash.catalog.ImageView;

/**
 * A gallery thumbnail with its label and a selection checkbox; clicking the picture opens the
 * details.
 */
class ImageCard extends Div {

  private final Checkbox select = new Checkbox();

  ImageCard(ImageView image, boolean selected, Consumer<Boolean> onSelect) {
    addClassName("ch-card");
    getElement().setAttribute("data-image-id", String.valueOf(image.id()));
    Image thumb = new Image("/api/images/" + image.id() + "/thumbnail", image.originalName());
    thumb.addClassName("ch-thumb");
    RouterLink link =
        new RouterLink(
            ImageDetailView.class, new RouteParameters("id", String.valueOf(image.id())));
    link.add(thumb);
    Span label = new Span(image.labelled() ? image.labelDisplayName() : "unlabelled");
    label.addClassName(image.labelled() ? "ch-label" : "ch-unlabelled");
    label
        .getElement()
        .setAttribute(
            "title",
            image.labelled()
                ? image.label() + (image.family() == null ? "" : " / " + image.family())
                : "no label yet");
    select.setValue(selected);
    select.setAriaLabel("select " + image.originalName());
    select.addValueChangeListener(e -> onSelect.accept(e.getValue()));
    Div caption = new Div(select, label);
    caption.addClassName("ch-caption");
    add(link, caption);
  }
}
