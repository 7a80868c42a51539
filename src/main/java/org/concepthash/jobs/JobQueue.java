package org.concepthash.jobs;

import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.concepthash.catalog.CatalogException;
import org.concepthash.data.BoundingBox;
import org.concepthash.data.Keypoint;

/**
 * The {@code training_job} table as a queue shared by every worker that reaches the database.
 * Claims use {@code FOR UPDATE SKIP LOCKED}, so two workers never take the same job; a worker owns
 * a running job while its heartbeat is fresh, and every write of a worker names it, so a worker
 * that was presumed dead and comes back cannot overwrite the job's new owner.
 */
@Singleton
public class JobQueue {

  /** Fewest labelled images a job may train on. */
  static final int MIN_IMAGES = 4;

  /** What a worker learns when it reports. */
  enum Ownership {
    OWNED,
    CANCEL_REQUESTED,
    /** the job is no longer this worker's (requeued after a missed heartbeat, or finished) */
    LOST
  }

  /** A new or matching job. */
  public record Enqueued(TrainingJob job, boolean created) {}

  private static final String SELECT =
      "select j.id, j.state, j.stage, j.recipe, j.parameters, j.progress, j.model_version_id,"
          + " j.worker, j.error, j.cancel_requested, (select count(*) from training_job_image i"
          + " where i.job_id = j.id), j.log, j.created_by, j.created_at, j.started_at,"
          + " j.heartbeat_at, j.finished_at from training_job j";
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;

  JobQueue(DataSource dataSource, DataSourceResolver resolver) {
    // explicit transactions of our own, not the JPA-bound proxy
    this.dataSource = resolver.resolve(dataSource);
  }

  /**
   * Enqueues a job over the labelled images of the catalog now. Returns the existing job instead
   * when {@code idempotencyKey} was used before, or when a queued or running job has the same
   * request.
   */
  public Enqueued enqueue(JobRequest request, String idempotencyKey, String actor) {
    String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
    if (key != null && key.length() > 200) {
      throw CatalogException.invalid("an Idempotency-Key has at most 200 characters");
    }
    for (int attempt = 0; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try {
          Optional<TrainingJob> existing = matching(c, request, key);
          if (existing.isPresent()) {
            c.rollback();
            return new Enqueued(existing.get(), false);
          }
          long id = insert(c, request, key, actor);
          int images = snapshot(c, id);
          if (images < MIN_IMAGES) {
            c.rollback();
            throw CatalogException.invalid(
                "training needs at least "
                    + MIN_IMAGES
                    + " labelled images; the catalog has "
                    + images);
          }
          c.commit();
          return new Enqueued(find(id).orElseThrow(), true);
        } catch (SQLException e) {
          c.rollback();
          // a concurrent identical request won the race: the loop finds its job
          if (!UNIQUE_VIOLATION.equals(e.getSQLState()) || attempt >= 3) {
            throw e;
          }
        }
      } catch (SQLException e) {
        throw database(e);
      }
    }
  }

  private Optional<TrainingJob> matching(Connection c, JobRequest request, String key)
      throws SQLException {
    if (key != null) {
      List<TrainingJob> byKey = query(c, SELECT + " where j.idempotency_key = ?", key);
      if (!byKey.isEmpty()) {
        return Optional.of(byKey.get(0));
      }
    }
    List<TrainingJob> open =
        query(
            c,
            SELECT
                + " where j.recipe = ? and j.parameters = ?"
                + " and j.state in ('queued', 'running') order by j.id",
            request.recipe(),
            request.parametersJson());
    return open.stream().findFirst();
  }

  private static long insert(Connection c, JobRequest request, String key, String actor)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into training_job (recipe, parameters, idempotency_key,"
                + " created_by, log) values (?, ?, ?, ?, ?) returning id")) {
      s.setString(1, request.recipe());
      s.setString(2, request.parametersJson());
      s.setString(3, key);
      s.setString(4, actor);
      s.setString(5, Instant.now() + " queued by " + actor + "\n");
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /** Freezes the catalog's current labels as the job's data. */
  private static int snapshot(Connection c, long id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into training_job_image (job_id, image_id, class_id) select ?, l.image_id,"
                + " l.class_id from image_label l where l.current and l.class_id is not null")) {
      s.setLong(1, id);
      return s.executeUpdate();
    }
  }

  public Optional<TrainingJob> find(long id) {
    return inConnection(c -> query(c, SELECT + " where j.id = ?", id).stream().findFirst());
  }

  /** The newest job that produced a model version. */
  public Optional<TrainingJob> producing(String modelVersionId) {
    return inConnection(
        c ->
            query(
                    c,
                    SELECT + " where j.model_version_id = ? order by j.id desc limit 1",
                    modelVersionId)
                .stream()
                .findFirst());
  }

  /** The newest jobs first. */
  public List<TrainingJob> list(int limit) {
    return inConnection(c -> query(c, SELECT + " order by j.id desc limit ?", limit));
  }

  /**
   * Cancels a job: a queued one at once, a running one at its worker's next heartbeat (the state
   * turns {@code cancelled} when the worker has stopped). A finished job is returned unchanged.
   */
  public TrainingJob cancel(long id, String actor) {
    inConnection(
        c -> {
          c.setAutoCommit(false);
          String line = Instant.now() + " cancel requested by " + actor + "\n";
          int changed =
              update(
                  c,
                  "update training_job set state = 'cancelled', finished_at = now(),"
                      + " log = log || ? where id = ? and state = 'queued'",
                  line,
                  id);
          if (changed == 0) {
            // the worker writes the log of a running job; it notes the request when it sees it
            update(
                c,
                "update training_job set cancel_requested = true where id = ? and state ="
                    + " 'running'",
                id);
          }
          c.commit();
          return null;
        });
    return find(id).orElseThrow(() -> CatalogException.notFound("no training job " + id));
  }

  /** Takes the oldest queued job for {@code worker}, if any. */
  Optional<TrainingJob> claim(String worker) {
    Optional<Long> claimed =
        inConnection(
            c -> {
              try (PreparedStatement s =
                  c.prepareStatement(
                      "update training_job set state = 'running', worker = ?, started_at ="
                          + " coalesce(started_at, now()), heartbeat_at = now(), log = log || ?"
                          + " where id = (select id from training_job where state = 'queued' order"
                          + " by created_at, id limit 1 for update skip locked) returning id")) {
                s.setString(1, worker);
                s.setString(2, Instant.now() + " claimed by worker " + worker + "\n");
                try (ResultSet r = s.executeQuery()) {
                  return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
                }
              }
            });
    return claimed.flatMap(this::find);
  }

  /**
   * Heartbeat with the job's stage, progress and log; says whether the worker still owns the job.
   */
  Ownership report(long id, String worker, JobStage stage, String progress, String log) {
    return inConnection(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "update training_job set heartbeat_at = now(), stage = ?, progress = ?, log = ?"
                      + " where id = ? and worker = ? and state = 'running' returning"
                      + " cancel_requested")) {
            s.setString(1, stage == null ? null : stage.lowerName());
            s.setString(2, progress);
            s.setString(3, log);
            s.setLong(4, id);
            s.setString(5, worker);
            try (ResultSet r = s.executeQuery()) {
              if (!r.next()) {
                return Ownership.LOST;
              }
              return r.getBoolean(1) ? Ownership.CANCEL_REQUESTED : Ownership.OWNED;
            }
          }
        });
  }

  /** Ends a job the worker owns; false when it no longer owned it. */
  boolean finish(
      long id,
      String worker,
      JobState state,
      String modelVersionId,
      String error,
      JobStage stage,
      String progress,
      String log) {
    return inConnection(
        c ->
            update(
                    c,
                    "update training_job set state = ?, model_version_id = ?, error = ?, stage = ?,"
                        + " progress = ?, log = ?, finished_at = now(), heartbeat_at = now() where"
                        + " id = ? and worker = ? and state = 'running'",
                    state.lowerName(),
                    modelVersionId,
                    error,
                    stage == null ? null : stage.lowerName(),
                    progress,
                    log,
                    id,
                    worker)
                == 1);
  }

  /** Gives a running job back to the queue (a worker shutting down); another worker resumes it. */
  boolean release(long id, String worker, String log) {
    return inConnection(
        c ->
            update(
                    c,
                    "update training_job set state = 'queued', worker = null, log = ? where id = ?"
                        + " and worker = ? and state = 'running'",
                    log,
                    id,
                    worker)
                == 1);
  }

  /**
   * Requeues running jobs whose worker missed its heartbeats for {@code staleAfter} (it died or
   * lost the database); a stale job that was asked to cancel is cancelled instead. Returns the
   * requeued jobs' ids.
   */
  List<Long> requeueStale(Duration staleAfter) {
    double seconds = staleAfter.toMillis() / 1000.0;
    return inConnection(
        c -> {
          c.setAutoCommit(false);
          String line = Instant.now() + " worker stopped reporting;";
          update(
              c,
              "update training_job set state = 'cancelled', finished_at = now(), log = log || ?"
                  + " where state = 'running' and cancel_requested and heartbeat_at < now() -"
                  + " make_interval(secs => ?)",
              line + " cancelled\n",
              seconds);
          List<Long> ids = new ArrayList<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "update training_job set state = 'queued', worker = null, log = log || ? where"
                      + " state = 'running' and heartbeat_at < now() - make_interval(secs => ?)"
                      + " returning id")) {
            s.setString(1, line + " requeued to resume from its last checkpoint\n");
            s.setDouble(2, seconds);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                ids.add(r.getLong(1));
              }
            }
          }
          c.commit();
          return ids;
        });
  }

  /**
   * The labelled images frozen for a job, in image id order, with their boxes and part keypoints.
   */
  List<SnapshotImage> snapshot(long id) {
    return inConnection(
        c -> {
          Map<Long, List<Keypoint>> keypoints = new HashMap<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "select k.image_id, k.part, k.x, k.y from image_keypoint k join"
                      + " training_job_image t on t.image_id = k.image_id where t.job_id = ? order"
                      + " by k.image_id, k.part")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                keypoints
                    .computeIfAbsent(r.getLong(1), k -> new ArrayList<>())
                    .add(new Keypoint(r.getString(2), r.getDouble(3), r.getDouble(4)));
              }
            }
          }
          List<SnapshotImage> images = new ArrayList<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "select t.image_id, i.storage_key, i.split, k.name, k.display_name, k.family,"
                      + " i.bbox_x, i.bbox_y, i.bbox_width, i.bbox_height from training_job_image t"
                      + " join image i on i.id = t.image_id join image_class k on k.id = t.class_id"
                      + " where t.job_id = ? order by t.image_id")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                double boxX = r.getDouble(7);
                Optional<BoundingBox> box =
                    r.wasNull()
                        ? Optional.empty()
                        : Optional.of(
                            new BoundingBox(boxX, r.getDouble(8), r.getDouble(9), r.getDouble(10)));
                images.add(
                    new SnapshotImage(
                        r.getLong(1),
                        r.getString(2),
                        r.getString(3),
                        r.getString(4),
                        r.getString(5),
                        r.getString(6),
                        box,
                        keypoints.getOrDefault(r.getLong(1), List.of())));
              }
            }
          }
          return images;
        });
  }

  /** Work on one connection of the pool. */
  @FunctionalInterface
  private interface SqlWork<T> {
    T apply(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} on a pooled connection; a database failure becomes an unchecked I/O error.
   */
  private <T> T inConnection(SqlWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.apply(c);
    } catch (SQLException e) {
      throw database(e);
    }
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      return s.executeUpdate();
    }
  }

  private static List<TrainingJob> query(Connection c, String sql, Object... args)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      List<TrainingJob> jobs = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          jobs.add(
              new TrainingJob(
                  r.getLong(1),
                  JobState.parse(r.getString(2)),
                  JobStage.parse(r.getString(3)),
                  JobRequest.of(r.getString(4), r.getString(5)),
                  r.getString(6),
                  r.getString(7),
                  r.getString(8),
                  r.getString(9),
                  r.getBoolean(10),
                  r.getInt(11),
                  r.getString(12),
                  r.getString(13),
                  instant(r.getTimestamp(14)),
                  instant(r.getTimestamp(15)),
                  instant(r.getTimestamp(16)),
                  instant(r.getTimestamp(17))));
        }
      }
      return jobs;
    }
  }

  private static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static UncheckedIOException database(SQLException e) {
    return new UncheckedIOException(new IOException("database: " + e.getMessage(), e));
  }
}
