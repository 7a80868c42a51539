package org.concepthash.catalog.database;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a catalog lives: the data directory (image store, embedded database files) and, optionally,
 * an external PostgreSQL. Every command that touches the catalog resolves its location the same
 * way.
 *
 * @param dataDir data directory; default {@code $CONCEPTHASH_HOME} or {@code ~/.concepthash}
 * @param database the external database, or empty for the embedded one under {@code dataDir/db}
 */
public record CatalogLocation(Path dataDir, Optional<ExternalDatabase> database) {

  /** JDBC coordinates of an external PostgreSQL. */
  public record ExternalDatabase(String jdbcUrl, String user, String password) {}

  public static final String HOME_ENV = "CONCEPTHASH_HOME";
  public static final String URL_ENV = "DATABASE_URL";
  public static final String USER_ENV = "DATABASE_USER";
  public static final String PASSWORD_ENV = "DATABASE_PASSWORD";

  public boolean embedded() {
    return database.isEmpty();
  }

  /**
   * Resolves the location from command-line options (which win) and the environment.
   *
   * <p>The database URL is either a JDBC URL ({@code jdbc:postgresql://host:5432/db}) or the common
   * {@code postgres://user:password@host:5432/db} form; user and password may also come from {@code
   * DATABASE_USER} / {@code DATABASE_PASSWORD}.
   */
  public static CatalogLocation resolve(
      Optional<Path> dataDirOption, Optional<String> urlOption, Map<String, String> env) {
    Path dataDir =
        dataDirOption
            .or(
                () ->
                    Optional.ofNullable(env.get(HOME_ENV)).filter(s -> !s.isBlank()).map(Path::of))
            .orElseGet(() -> Path.of(System.getProperty("user.home"), ".concepthash"))
            .toAbsolutePath()
            .normalize();
    Optional<String> url =
        urlOption.or(() -> Optional.ofNullable(env.get(URL_ENV))).filter(s -> !s.isBlank());
    return new CatalogLocation(
        dataDir,
        url.map(
            u ->
                parseUrl(
                    u.trim(),
                    env.getOrDefault(USER_ENV, "postgres"),
                    env.getOrDefault(PASSWORD_ENV, ""))));
  }

  static ExternalDatabase parseUrl(String url, String defaultUser, String defaultPassword) {
    if (url.startsWith("jdbc:postgresql:")) {
      return new ExternalDatabase(url, defaultUser, defaultPassword);
    }
    if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
      URI uri = URI.create(url);
      String user = defaultUser;
      String password = defaultPassword;
      if (uri.getUserInfo() != null) {
        String[] parts = uri.getUserInfo().split(":", 2);
        user = parts[0];
        password = parts.length > 1 ? parts[1] : defaultPassword;
      }
      int port = uri.getPort() > 0 ? uri.getPort() : 5432;
      String query = uri.getQuery() == null ? "" : "?" + uri.getQuery();
      return new ExternalDatabase(
          "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getPath() + query,
          user,
          password);
    }
    throw new IllegalArgumentException(
        "database URL must start with jdbc:postgresql:, postgres:// or postgresql://, got '"
            + url
            + "'");
  }
}
