package org.concepthash.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import org.concepthash.catalog.ClassView;

/**
 * Picks a class (existing, or a new name typed in) and asks to apply it to the current selection.
 * Dumb: classes in, {@link AssignEvent} out; the view does the work.
 */
public class LabelAssigner extends HorizontalLayout {

  /** The user asked to label the selection with this class name; {@code isNew} when typed in. */
  public static class AssignEvent extends ComponentEvent<LabelAssigner> {
    private final String className;
    private final boolean isNew;

    AssignEvent(LabelAssigner source, String className, boolean isNew) {
      super(source, true);
      this.className = className;
      this.isNew = isNew;
    }

    public String className() {
      return className;
    }

    public boolean isNew() {
      return isNew;
    }
  }

  private final ComboBox<String> classes = new ComboBox<>();
  private final Button apply = new Button("Label selected");
  private List<String> known = List.of();
  private int selected;

  public LabelAssigner() {
    classes.setPlaceholder("Class (pick or type a new one)");
    classes.setAllowCustomValue(true);
    classes.setClearButtonVisible(true);
    classes.setWidth("22em");
    classes.setId("label-class");
    classes.addCustomValueSetListener(
        e -> {
          String typed = e.getDetail().strip();
          if (!typed.isEmpty()) {
            showItems(typed);
            classes.setValue(typed);
          }
        });
    classes.addValueChangeListener(e -> refreshButton());
    apply.setId("label-apply");
    apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    apply.addClickListener(
        e -> {
          String name = classes.getValue();
          fireEvent(new AssignEvent(this, name, !known.contains(name)));
        });
    setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(classes, apply);
    refreshButton();
  }

  public void setClasses(List<ClassView> views) {
    known = views.stream().map(ClassView::name).toList();
    String value = classes.getValue();
    showItems(value);
    classes.setValue(value);
  }

  /** Offers the known classes plus, when typed in, a new name (so it can stay the value). */
  private void showItems(String extra) {
    List<String> items = new ArrayList<>(known);
    if (extra != null && !known.contains(extra)) {
      items.add(extra);
    }
    classes.setItems(items);
  }

  public void setSelectionSize(int count) {
    selected = count;
    refreshButton();
  }

  private void refreshButton() {
    apply.setText(
        selected == 1 ? "Label 1 selected image" : "Label " + selected + " selected images");
    apply.setEnabled(selected > 0 && classes.getValue() != null && !classes.getValue().isBlank());
  }

  public Registration addAssignListener(
      com.vaadin.flow.component.ComponentEventListener<AssignEvent> listener) {
    return addListener(AssignEvent.class, listener);
  }
}
