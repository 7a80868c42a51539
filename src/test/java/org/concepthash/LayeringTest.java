package org.concepthash;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of DEVELOPERS.md ("Architecture"), checked on the compiled main classes. */
class LayeringTest {

  /**
   * The top-level packages in pipeline order, lowest first: a package may use the packages before
   * it, never one after it.
   */
  static final List<String> LAYERS =
      List.of(
          "data",
          "code",
          "search",
          "model",
          "onnx",
          "train",
          "export",
          "encode",
          "catalog",
          "accounts",
          "serving",
          "jobs",
          "web",
          "ui",
          "bench",
          "reproduce",
          "cli");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.concepthash");
  }

  @Test
  void everyTopLevelPackageHasAPlaceInTheOrder() {
    TreeSet<String> unplaced = new TreeSet<>();
    for (JavaClass c : classes) {
      topLevel(c).filter(p -> !LAYERS.contains(p)).ifPresent(unplaced::add);
    }
    assertEquals(new TreeSet<String>(), unplaced, "top-level packages missing from LAYERS");
  }

  @Test
  void packagesOnlyUseLowerLayers() {
    TreeSet<String> upward = new TreeSet<>();
    for (JavaClass c : classes) {
      int from = topLevel(c).map(LAYERS::indexOf).orElse(-1);
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        int to = topLevel(d.getTargetClass()).map(LAYERS::indexOf).orElse(-1);
        if (from >= 0 && to > from) {
          upward.add(LAYERS.get(from) + " -> " + LAYERS.get(to) + ": " + d.getDescription());
        }
      }
    }
    assertEquals(new TreeSet<String>(), upward, "dependencies that point up the layer order");
  }

  @Test
  void topLevelPackagesHaveNoCycles() {
    slices().matching("org.concepthash.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void computePackagesUseNoWebFrameworkOrDatabase() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.concepthash.data..",
            "org.concepthash.code..",
            "org.concepthash.search..",
            "org.concepthash.model..",
            "org.concepthash.onnx..",
            "org.concepthash.train..",
            "org.concepthash.export..",
            "org.concepthash.encode..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.vaadin..", "io.micronaut.http..", "jakarta.persistence..", "org.hibernate..")
        .check(classes);
  }

  @Test
  void viewsAndControllersCallServicesNotRepositories() {
    noClasses()
        .that()
        .resideInAnyPackage("org.concepthash.ui..", "org.concepthash.web..")
        .should()
        .dependOnClassesThat()
        .haveSimpleNameEndingWith("Repository")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleNameEndingWith("Entity")
        .check(classes);
  }

  /** The package right below {@code org.concepthash}, or empty for classes outside it. */
  private static Optional<String> topLevel(JavaClass c) {
    String name = c.getPackageName();
    String root = "org.concepthash.";
    if (!name.startsWith(root)) {
      return Optional.empty();
    }
    String rest = name.substring(root.length());
    int dot = rest.indexOf('.');
    return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
  }
}
