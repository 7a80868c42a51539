package org.concepthash.testing;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.concepthash.catalog.CatalogService;
import org.concepthash.catalog.ImageIngest;
import org.concepthash.catalog.IngestRequest;
import org.concepthash.catalog.NewClass;
import org.concepthash.data.BoundingBox;
import org.concepthash.data.Keypoint;
import org.concepthash.data.Split;
import org.concepthash.data.parts.GeneratedImage;
import org.concepthash.data.parts.PartsWorldConfig;
import org.concepthash.data.parts.PartsWorldGenerator;
import org.concepthash.onnx.PackageFixtures;
import org.concepthash.serving.EncodingProgress;
import org.concepthash.serving.ModelRegistry;
import org.concepthash.serving.ModelVersion;

/**
 * A searchable test catalog: parts-world birds of a few species (with families) ingested through
 * the ordinary path, and the micro model package (K = 8, M = 2 "head"/"tail") registered and
 * activated.
 */
public final class SearchCatalog {

  private SearchCatalog() {}

  /** The geometry annotations an image is ingested with. */
  public interface Annotations {
    /** None: uploads without box or keypoints (the micro model is then not measured). */
    Annotations NONE = g -> new IngestRequestParts(Optional.empty(), List.of());

    /** The generator's own object box and part keypoints. */
    Annotations GENERATED = g -> new IngestRequestParts(Optional.of(g.box()), g.keypoints());

    IngestRequestParts of(GeneratedImage image);
  }

  /** A box and keypoints for one image. */
  public record IngestRequestParts(Optional<BoundingBox> box, List<Keypoint> keypoints) {}

  /**
   * Seeds {@code app} with {@code classes} x {@code perClass} images, activates the micro model.
   */
  public static Seeded seed(TestCatalog app, int classes, int perClass) throws Exception {
    return seed(app, classes, perClass, Annotations.NONE);
  }

  /**
   * {@link #seed(TestCatalog, int, int)} with every image's box and keypoints from {@code
   * annotations}; with keypoints, registering the micro model measures its part consistency on the
   * odd (test) images.
   */
  public static Seeded seed(TestCatalog app, int classes, int perClass, Annotations annotations)
      throws Exception {
    CatalogService catalog = app.bean(CatalogService.class);
    ImageIngest ingest = app.bean(ImageIngest.class);
    PartsWorldGenerator world =
        new PartsWorldGenerator(new PartsWorldConfig(classes, perClass, 48, 7, 0.5));
    List<Long> ids = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      GeneratedImage first = world.generate(c, 0);
      String name = "species_" + c;
      catalog.createClass(
          new NewClass(name, first.species().displayName(), first.species().family().name()),
          "test");
      for (int i = 0; i < perClass; i++) {
        GeneratedImage g = world.generate(c, i);
        byte[] png = TestImages.encode(g.image(), "png");
        IngestRequestParts parts = annotations.of(g);
        ids.add(
            ingest
                .ingest(
                    new ByteArrayInputStream(png),
                    new IngestRequest(
                        "bird-" + c + "-" + i + ".png",
                        "upload",
                        i % 2 == 0 ? Split.TRAIN : Split.TEST,
                        name,
                        parts.box(),
                        parts.keypoints(),
                        "test"))
                .image()
                .id());
      }
    }
    ModelRegistry registry = app.bean(ModelRegistry.class);
    ModelVersion v =
        registry.register(PackageFixtures.microV1(), "test", EncodingProgress.NONE, () -> false);
    return new Seeded(registry.activate(v.id(), "test"), ids, world);
  }

  /** A parts-world bird that is not in the catalog, as PNG bytes. */
  public static byte[] newBird(Seeded s, int classIndex, int imageIndex) {
    return TestImages.encode(s.world().generate(classIndex, imageIndex).image(), "png");
  }

  /** What {@link #seed} made. */
  public record Seeded(ModelVersion model, List<Long> imageIds, PartsWorldGenerator world) {}
}
