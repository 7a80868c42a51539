package org.concepthash;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of DEVELOPERS.md, checked: ui/web -> jobs -> train/encode/search/catalog -> data. */
class LayeringTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.concepthash");
  }

  @Test
  void computePackagesUseNoWebFrameworkOrDatabase() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.concepthash.model..", "org.concepthash.train..", "org.concepthash.onnx..",
            "org.concepthash.encode..", "org.concepthash.search..", "org.concepthash.data..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.vaadin..", "io.micronaut.http..", "jakarta.persistence..", "org.hibernate..")
        .check(classes);
  }

  @Test
  void lowerLayersNeverReachUp() {
    noClasses()
        .that()
        .resideInAnyPackage("org.concepthash.data..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.concepthash.catalog..", "org.concepthash.search..", "org.concepthash.model..",
            "org.concepthash.train..", "org.concepthash.jobs..", "org.concepthash.web..",
            "org.concepthash.ui..", "org.concepthash.cli..")
        .check(classes);
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.concepthash.catalog..", "org.concepthash.search..", "org.concepthash.model..",
            "org.concepthash.train..", "org.concepthash.onnx..", "org.concepthash.encode..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.concepthash.jobs..", "org.concepthash.web..", "org.concepthash.ui..", "org.concepthash.cli..")
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

  /**
   * Package by package: train uses the shared preprocessing in encode, encode reads the package format
   * of onnx, and only onnx.export (which reads training runs) depends on train.
   */
  @Test
  void packagesHaveNoCycles() {
    slices().matching("org.concepthash.(**)").should().beFreeOfCycles().check(classes);
  }
}
