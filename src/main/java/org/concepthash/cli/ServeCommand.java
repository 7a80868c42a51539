package org.concepthash.cli;

import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: the web application (Vaadin UI on /, REST on /api) on one port. */
@Command(name = "serve", description = "Run the web application.", mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {

  @Mixin CatalogOptions catalog;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8080",
      description = "HTTP port (default ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() throws Exception {
    CatalogApplication app =
        CatalogApplication.start(catalog, Map.of("micronaut.server.port", port));
    EmbeddedServer server = app.context().getBean(EmbeddedServer.class);
    server.start();
    System.out.printf(
        "ConceptHash Catalog is running at %s (data: %s, database: %s)%n",
        server.getURL(),
        app.database().location().dataDir(),
        app.database().location().embedded() ? "embedded PostgreSQL" : app.database().jdbcUrl());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.stop();
                    app.close();
                  } catch (Exception e) {
                    e.printStackTrace();
                  } finally {
                    stopped.countDown();
                  }
                }));
    stopped.await();
    return 0;
  }
}
