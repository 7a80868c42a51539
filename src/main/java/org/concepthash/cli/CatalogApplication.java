package org.concepthash.cli;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.util.Map;
import org.concepthash.catalog.database.CatalogDatabase;

/**
 * A started Micronaut context over an opened catalog database; closing it stops both in order. Used by
 * {@code serve} (with the HTTP server) and by commands that only need the catalog services.
 */
public final class CatalogApplication implements AutoCloseable {

  private final CatalogDatabase database;
  private final ApplicationContext context;

  private CatalogApplication(CatalogDatabase database, ApplicationContext context) {
    this.database = database;
    this.context = context;
  }

  /** Opens the catalog; {@code extra} properties override the defaults (e.g. the server port). */
  public static CatalogApplication start(CatalogOptions options, Map<String, Object> extra)
      throws IOException {
    CatalogDatabase database = CatalogDatabase.open(options.location());
    try {
      ApplicationContext context =
          ApplicationContext.builder()
              .deduceEnvironment(false)
              .properties(database.micronautProperties())
              .properties(extra)
              .start();
      return new CatalogApplication(database, context);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  public ApplicationContext context() {
    return context;
  }

  public CatalogDatabase database() {
    return database;
  }

  @Override
  public void close() throws IOException {
    try {
      context.close();
    } finally {
      database.close();
    }
  }
}
