package org.concepthash.onnx;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model package that cannot be used: not a package, corrupted, or incompatible with this build.
 */
public final class ModelPackageException extends IOException {

  public ModelPackageException(Path file, String problem) {
    super(file + ": " + problem);
  }

  public ModelPackageException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
