package org.concepthash.ui.server;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.concepthash.catalog.CatalogConfig;
import org.concepthash.catalog.ingest.IngestLimits;

/**
 * The container's multipart settings, derived from the catalog's: a part larger than the ingest cap
 * ({@code concepthash.ingest.max-bytes}) is refused while it streams, not after it is on disk, and
 * parts staged on disk go under the data directory. Without a location Tomcat stages them in {@code
 * ./tomcat.<port>} of whatever directory {@code serve} was started from.
 *
 * <p>Runs when the server configuration is created, before the servlet reads it.
 */
@Singleton
class MultipartLimits implements BeanCreatedEventListener<HttpServerConfiguration> {

  /** Room for the other form fields (label, split, activate) and the part headers. */
  static final long FORM_OVERHEAD_BYTES = 64 * 1024;

  static final String STAGING_DIR = "uploads";

  private final IngestLimits limits;
  private final CatalogConfig catalog;

  MultipartLimits(IngestLimits limits, CatalogConfig catalog) {
    this.limits = limits;
    this.catalog = catalog;
  }

  @Override
  public HttpServerConfiguration onCreated(BeanCreatedEvent<HttpServerConfiguration> event) {
    HttpServerConfiguration server = event.getBean();
    Path staging = catalog.dataDir().resolve(STAGING_DIR);
    try {
      Files.createDirectories(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the upload staging directory " + staging, e);
    }
    server.getMultipart().setLocation(staging.toFile());
    server.getMultipart().setMaxFileSize(limits.maxBytes());
    server.setMaxRequestSize(limits.maxBytes() + FORM_OVERHEAD_BYTES);
    return server;
  }
}
