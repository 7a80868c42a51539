package org.concepthash.cli;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.util.Map;
import org.concepthash.catalog.database.CatalogDatabase;

/**
 * A started Micronaut context over an opened catalog database; closing it (or JVM shutdown) stops
 * both in order, so the job worker can hand its job back before the database goes. Used by {@code
 * serve} (with the HTTP server) and by commands that only need the catalog services.
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
      database.closeFirst(context::close);
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

  /** Closes the context, then the database (also done at JVM shutdown, in that order). */
  @Override
  public void close() throws IOException {
    database.close();
  }
}
