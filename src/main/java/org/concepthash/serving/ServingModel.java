package org.concepthash.serving;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.concepthash.encode.Encoder;

/**
 * The encoder of the active model version, swapped in one step on activation. Searches encode their
 * query with {@link #current()} and must then find the same version in the search index (compare
 * {@code SearchResult.modelVersion()}); during a switch the two can differ for a moment, and the
 * caller retries with the new encoder.
 *
 * <p>The replaced encoder stays open until the next switch: a query that picked it up just before
 * the switch can finish, and switches are minutes apart.
 */
@Singleton
public class ServingModel {

  /** A version and its open encoder. */
  public record Serving(ModelVersion version, Encoder encoder) {
    public String id() {
      return version.id();
    }
  }

  private volatile Serving current;
  private Serving retired;

  /** The active version with its encoder, or empty while no model is active. */
  public Optional<Serving> current() {
    return Optional.ofNullable(current);
  }

  /** Serves {@code next} from now on. */
  synchronized void swap(Serving next) {
    if (retired != null && retired != next) {
      retired.encoder().close();
    }
    retired = current;
    current = next;
  }

  /** Refreshes the version record (e.g. new concept names) without touching the encoder. */
  synchronized void refresh(ModelVersion version) {
    Serving s = current;
    if (s != null && s.id().equals(version.id())) {
      current = new Serving(version, s.encoder());
    }
  }

  @PreDestroy
  synchronized void close() {
    if (current != null) {
      current.encoder().close();
    }
    if (retired != null && retired != current) {
      retired.encoder().close();
    }
    current = null;
    retired = null;
  }
}
