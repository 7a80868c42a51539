package org.concepthash.ui;

import com.google.gson.Gson;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import java.util.Locale;
import java.util.Map;
import org.concepthash.serving.query.AttentionMaps;

/**
 * Server side of {@code frontend/attention-overlay.js}: an image with a concept's attention map
 * drawn over it in the browser (bilinear upsampling, colour map, opacity, one colour per concept or
 * all concepts).
 */
@Tag("attention-overlay")
@JavaScript("context://frontend/attention-overlay.js")
class AttentionOverlay extends Component {

  /** Shows no map. */
  static final String NONE = "none";

  /** Shows every concept in its own colour. */
  static final String ALL = "all";

  private static final Gson GSON = new Gson();
  private AttentionMaps maps;

  AttentionOverlay(String src, String alt) {
    getElement().setAttribute("src", src);
    getElement().setAttribute("alt", alt);
    addClassName("ch-overlay");
    setConcept(NONE);
    setOpacity(0.6);
  }

  void setMaps(AttentionMaps maps) {
    this.maps = maps;
    getElement().setAttribute("grid", String.valueOf(maps.grid()));
    getElement().setAttribute("maps", GSON.toJson(maps.maps()));
    getElement()
        .setAttribute(
            "crop",
            GSON.toJson(
                Map.of(
                    "left",
                    maps.crop().left(),
                    "top",
                    maps.crop().top(),
                    "width",
                    maps.crop().width(),
                    "height",
                    maps.crop().height())));
    getElement().setAttribute("colors", GSON.toJson(ConceptColours.first(maps.maps().length)));
  }

  boolean hasMaps() {
    return maps != null;
  }

  /** {@link #NONE}, {@link #ALL} or a concept index. */
  void setConcept(String concept) {
    getElement().setAttribute("concept", concept);
  }

  String concept() {
    return getElement().getAttribute("concept");
  }

  void setOpacity(double opacity) {
    getElement().setAttribute("opacity", String.format(Locale.ROOT, "%.2f", opacity));
  }
}
