package org.concepthash.serving;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.concepthash.catalog.CatalogException;
import org.concepthash.catalog.ImageAdded;
import org.concepthash.catalog.store.ImageStore;
import org.concepthash.encode.Encoder;
import org.concepthash.encode.Encoding;
import org.concepthash.encode.eval.PartConsistencyReport;
import org.concepthash.onnx.ModelManifest;
import org.concepthash.onnx.ModelPackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model versions of the catalog. Registering a package checks it (the encoder's own load
 * checks), stores it, and encodes every catalog image with it; activating a fully encoded version
 * switches the database flag, the search index and the serving encoder, in that order, so searches
 * never mix versions. Registration is resumable: registering the same package again continues
 * encoding where it stopped.
 */
@Singleton
public class ModelRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

  private final ModelVersionStore store;
  private final PackageArchive archive;
  private final ImageStore images;
  private final CatalogSearchIndex index;
  private final ServingModel serving;
  private final EncoderConfig encoderConfig;
  private final PartMeasurement partMeasurement;

  ModelRegistry(
      ModelVersionStore store,
      PackageArchive archive,
      ImageStore images,
      CatalogSearchIndex index,
      ServingModel serving,
      EncoderConfig encoderConfig,
      PartMeasurement partMeasurement) {
    this.partMeasurement = partMeasurement;
    this.store = store;
    this.archive = archive;
    this.images = images;
    this.index = index;
    this.serving = serving;
    this.encoderConfig = encoderConfig;
  }

  public List<ModelVersion> list() {
    return sql(store::list);
  }

  public Optional<ModelVersion> find(String id) {
    return sql(() -> store.find(id));
  }

  public Optional<ModelVersion> active() {
    return sql(store::active);
  }

  /** The stored package file of a version. */
  public Optional<Path> packageFile(String id) {
    return sql(() -> store.storedPackage(id)).map(p -> archive.path(p.key()));
  }

  /**
   * Registers a model package, encodes the whole catalog with it and measures its concept-part
   * consistency on the catalog's annotated test images (see {@link PartMeasurement}); does not
   * activate it.
   *
   * @throws org.concepthash.onnx.ModelPackageException when the package is damaged or fails its
   *     checks
   * @throws CatalogException when another package with the same model id is registered
   * @throws CancellationException when {@code cancelled} turned true; registering again resumes
   */
  public ModelVersion register(
      Path packageFile, String actor, EncodingProgress progress, BooleanSupplier cancelled)
      throws IOException {
    return register(packageFile, actor, progress, cancelled, null);
  }

  /**
   * {@link #register}, with the part consistency measured already (a training job's evaluation of
   * the package on its snapshot's test split, by the same implementation), which is stored instead
   * of measuring again. A version that has a measurement keeps it; null measures on the catalog.
   * Registering a version again that was not measured (no annotated test images then) measures it
   * now.
   */
  public ModelVersion register(
      Path packageFile,
      String actor,
      EncodingProgress progress,
      BooleanSupplier cancelled,
      PartConsistencyReport measured)
      throws IOException {
    ModelPackage pkg = ModelPackage.read(packageFile);
    ModelManifest m = pkg.manifest();
    byte[] bytes = Files.readAllBytes(packageFile);
    String sha256 = ModelPackage.sha256(bytes);
    Optional<String> known =
        sql(() -> store.storedPackage(m.id())).map(ModelVersionStore.StoredPackage::sha256);
    if (known.isPresent() && !known.get().equals(sha256)) {
      throw CatalogException.conflict(
          "another model with id '" + m.id() + "' is already registered");
    }
    try (Encoder encoder = Encoder.open(pkg, packageFile, encoderConfig.options())) {
      if (known.isEmpty()) {
        String key = archive.put(bytes, sha256);
        sql(
            () -> {
              store.insert(
                  new ModelVersionStore.NewVersion(
                      m.id(),
                      m.network().concepts(),
                      m.network().bitsPerConcept(),
                      key,
                      sha256,
                      m.training(),
                      m.concepts(),
                      actor));
              return null;
            });
        LOG.info(
            "Registered model {} ({} bits, {} concepts) on {}",
            m.id(),
            m.network().bits(),
            m.network().concepts(),
            encoder.device());
      }
      encodeCatalog(m.id(), encoder, progress, cancelled);
      if (find(m.id()).orElseThrow().parts() == null) {
        Optional<PartConsistencyReport> parts =
            measured != null ? Optional.of(measured) : partMeasurement.measure(encoder, cancelled);
        if (parts.isPresent()) {
          sql(
              () -> {
                store.storePartConsistency(m.id(), parts.get());
                return null;
              });
          LOG.info(
              "Model {}: concept-part purity {} (chance {}) over {} annotated test images",
              m.id(),
              String.format(Locale.ROOT, "%.2f", parts.get().meanPurity()),
              String.format(Locale.ROOT, "%.2f", parts.get().chance().purity()),
              parts.get().images());
        }
      }
    }
    ModelVersion registered = find(m.id()).orElseThrow();
    serving.refresh(registered);
    return registered;
  }

  /**
   * Makes a registered version the active one. Images added since its registration are encoded
   * first.
   *
   * @throws CatalogException when there is no such version
   */
  public synchronized ModelVersion activate(String id, String actor) throws IOException {
    ModelVersion version =
        find(id).orElseThrow(() -> CatalogException.notFound("no model version '" + id + "'"));
    Encoder encoder = openStored(id);
    try {
      encodeCatalog(id, encoder, EncodingProgress.NONE, () -> false);
      sql(
          () -> {
            store.activate(id, actor);
            index.reload();
            return null;
          });
    } catch (IOException | RuntimeException e) {
      encoder.close();
      throw e;
    }
    ModelVersion active = find(id).orElseThrow();
    serving.swap(new ServingModel.Serving(active, encoder));
    LOG.info(
        "Model {} is active ({} by {})",
        id,
        version.active() ? "re-activated" : "activated",
        actor);
    return active;
  }

  /** Renames concept {@code index} (0-based) of a version; the name is used everywhere at once. */
  public ModelVersion renameConcept(String id, int conceptIndex, String name) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty() || clean.length() > 100) {
      throw CatalogException.invalid("a concept name has 1 to 100 characters");
    }
    ModelVersion version =
        find(id).orElseThrow(() -> CatalogException.notFound("no model version '" + id + "'"));
    if (conceptIndex < 0 || conceptIndex >= version.concepts()) {
      throw CatalogException.invalid(
          "model '"
              + id
              + "' has concepts 0.."
              + (version.concepts() - 1)
              + ", not "
              + conceptIndex);
    }
    sql(
        () -> {
          store.renameConcept(id, conceptIndex, clean);
          return null;
        });
    ModelVersion renamed = find(id).orElseThrow();
    serving.refresh(renamed);
    return renamed;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    active()
        .ifPresent(
            v -> {
              try {
                Encoder encoder = openStored(v.id());
                serving.swap(new ServingModel.Serving(v, encoder));
                LOG.info("Serving model {} on {}", v.id(), encoder.device());
              } catch (IOException | RuntimeException e) {
                LOG.error(
                    "The active model {} cannot be loaded; search is unavailable until another"
                        + " model is activated: {}",
                    v.id(),
                    e.getMessage());
              }
            });
  }

  /** Encodes a newly ingested image with the active model so that it is searchable at once. */
  @EventListener
  void onImageAdded(ImageAdded added) {
    serving
        .current()
        .ifPresent(
            s -> {
              try {
                Encoding e = s.encoder().encode(added.pixels());
                sql(
                    () -> {
                      store.storeCodes(s.id(), new long[] {added.imageId()}, List.of(e.words()));
                      index.put(s.id(), added, e.words());
                      return null;
                    });
              } catch (IOException | RuntimeException e) {
                // the image is in the catalog either way; the next activation encodes what is
                // missing
                LOG.warn(
                    "Image {} could not be encoded with model {}: {}",
                    added.imageId(),
                    s.id(),
                    e.getMessage());
              }
            });
  }

  private void encodeCatalog(
      String id, Encoder encoder, EncodingProgress progress, BooleanSupplier cancelled)
      throws IOException {
    int batch = encoderConfig.batch();
    long total = sql(store::imageCount);
    long done = find(id).map(ModelVersion::encodedImages).orElse(0L);
    progress.encoded(done, total);
    while (true) {
      if (cancelled.getAsBoolean()) {
        throw new CancellationException(
            "encoding with model " + id + " cancelled at " + done + " of " + total);
      }
      List<ModelVersionStore.PendingImage> pending = sql(() -> store.pending(id, batch));
      if (pending.isEmpty()) {
        return;
      }
      List<BufferedImage> decoded = new ArrayList<>(pending.size());
      long[] ids = new long[pending.size()];
      for (int i = 0; i < pending.size(); i++) {
        ids[i] = pending.get(i).id();
        decoded.add(images.readImage(pending.get(i).storageKey()));
      }
      List<long[]> codes = encoder.encode(decoded).stream().map(Encoding::words).toList();
      sql(
          () -> {
            store.storeCodes(id, ids, codes);
            return null;
          });
      done += pending.size();
      progress.encoded(Math.min(done, total), Math.max(total, done));
    }
  }

  private Encoder openStored(String id) throws IOException {
    Path file = packageFile(id).orElseThrow();
    return Encoder.open(ModelPackage.read(file), file, encoderConfig.options());
  }

  private interface SqlCall<T> {
    T call() throws SQLException;
  }

  private static <T> T sql(SqlCall<T> call) {
    try {
      return call.call();
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException("database: " + e.getMessage(), e));
    }
  }
}
