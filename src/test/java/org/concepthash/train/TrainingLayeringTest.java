package org.concepthash.train;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** model, train and encode stay free of web, UI and persistence code, and depend one way. */
class TrainingLayeringTest {

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.concepthash");

  @Test
  void modelTrainAndEncodeDoNotDependOnWebUiOrPersistence() {
    noClasses().that().resideInAnyPackage("org.concepthash.model..", "org.concepthash.train..",
            "org.concepthash.encode..")
        .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "io.micronaut.http..",
            "jakarta.persistence..", "org.hibernate..")
        .check(CLASSES);
  }

  @Test
  void theModelDoesNotKnowHowItIsTrainedOrServed() {
    noClasses().that().resideInAPackage("org.concepthash.model..")
        .should().dependOnClassesThat().resideInAnyPackage("org.concepthash.train..", "org.concepthash.cli..",
            "org.concepthash.catalog..", "org.concepthash.jobs..", "org.concepthash.web..", "org.concepthash.ui..")
        .check(CLASSES);
  }

  @Test
  void trainingDoesNotDependOnTheApplicationLayers() {
    noClasses().that().resideInAPackage("org.concepthash.train..")
        .should().dependOnClassesThat().resideInAnyPackage("org.concepthash.cli..", "org.concepthash.catalog..",
            "org.concepthash.jobs..", "org.concepthash.web..", "org.concepthash.ui..")
        .check(CLASSES);
  }
}
