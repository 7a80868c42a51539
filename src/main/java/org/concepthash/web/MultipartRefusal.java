package org.concepthash.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.util.Locale;
import java.util.Optional;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;

/**
 * The container's refusals of a multipart body. They reach the error routes wrapped (an
 * IllegalStateException around the size exception, for one), so the cause chain is searched.
 */
final class MultipartRefusal {

  /** Enough for any wrapping seen; guards against a cause cycle. */
  private static final int MAX_DEPTH = 16;

  private MultipartRefusal() {}

  static Optional<HttpResponse<ApiError>> of(Throwable e) {
    Throwable t = e;
    for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
      if (t instanceof FileSizeLimitExceededException f) {
        return Optional.of(
            ApiErrors.error(
                HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                "file is larger than the " + megabytes(f.getPermittedSize()) + " MB limit"));
      }
      if (t instanceof SizeException s) {
        return Optional.of(
            ApiErrors.error(
                HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                "request is larger than the " + megabytes(s.getPermittedSize()) + " MB limit"));
      }
      if (t instanceof InvalidFileNameException) {
        return Optional.of(
            ApiErrors.error(
                HttpStatus.BAD_REQUEST,
                "the file name contains a character that is not allowed (a NUL byte)"));
      }
    }
    return Optional.empty();
  }

  private static String megabytes(long bytes) {
    // two decimals: a small configured cap (tests, tight deployments) must not read as "0.0 MB"
    return String.format(Locale.ROOT, "%.2f", bytes / 1048576.0);
  }
}
