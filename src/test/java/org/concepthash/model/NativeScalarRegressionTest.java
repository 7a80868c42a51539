package org.concepthash.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Regression guard for the DJL PyTorch CPU bug: {@code NDArray.mul(Number)} hands libtorch a Java
 * buffer that is freed at once, so a backward pass that reads the scalar gets garbage (seen here in
 * about 2 of 3 trials once other small arrays are allocated in between). The workaround is {@link
 * NativeScalar}.
 */
class NativeScalarRegressionTest {

  @Test
  void gradientsThroughNativeScalarsAreExactEvenWhenMemoryIsReused() {
    try (NDManager base = NDManager.newBaseManager(Device.cpu())) {
      for (int trial = 0; trial < 50; trial++) {
        try (NDManager m = base.newSubManager()) {
          NDArray x = m.create(new float[] {1, 2, 3});
          x.setRequiresGradient(true);
          try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray y = x.mul(NativeScalar.of(m, 2.5)).sum();
            // the allocations that overwrite a freed Java-side scalar buffer in the buggy path
            for (int k = 0; k < 50; k++) {
              m.create(new float[] {-7f, -7f, -7f, -7f});
            }
            System.gc();
            collector.backward(y);
          }
          float[] gradient = x.getGradient().toFloatArray();
          assertEquals(2.5f, gradient[0], "trial " + trial);
          assertEquals(2.5f, gradient[2], "trial " + trial);
        }
      }
    }
  }

  @Test
  void networkAndTrainingCodeNeverPassJavaNumbersToArrayArithmetic() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.concepthash.model", "org.concepthash.train");
    for (String method :
        new String[] {
          "mul", "div", "add", "sub", "pow", "maximum", "minimum", "muli", "divi", "addi", "subi",
          "powi", "rsub", "rdiv"
        }) {
      noClasses()
          .should()
          .callMethod(NDArray.class, method, Number.class)
          .because(
              "NDArray."
                  + method
                  + "(Number) corrupts gradients on the DJL PyTorch CPU engine; "
                  + "use NativeScalar")
          .check(classes);
    }
  }
}
