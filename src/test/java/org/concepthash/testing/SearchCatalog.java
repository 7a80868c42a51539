package org.concepthash.testing;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.concepthash.catalog.CatalogService;
import org.concepthash.catalog.ImageIngest;
import org.concepthash.catalog.IngestRequest;
import org.concepthash.catalog.NewClass;
import org.concepthash.catalog.models.EncodingProgress;
import org.concepthash.catalog.models.ModelRegistry;
import org.concepthash.catalog.models.ModelVersion;
import org.concepthash.data.Split;
import org.concepthash.data.parts.GeneratedImage;
import org.concepthash.data.parts.PartsWorldConfig;
import org.concepthash.data.parts.PartsWorldGenerator;
import org.concepthash.onnx.PackageFixtures;

/**
 * A searchable test catalog: parts-world birds of a few species (with families) ingested through the
 * ordinary path, and the micro model package (K = 8, M = 2 "head"/"tail") registered and activated.
 */
public final class SearchCatalog {

  private SearchCatalog() {}

  /** Seeds {@code app} with {@code classes} x {@code perClass} images, activates the micro model. */
  public static Seeded seed(TestCatalog app, int classes, int perClass) throws Exception {
    CatalogService catalog = app.bean(CatalogService.class);
    ImageIngest ingest = app.bean(ImageIngest.class);
    PartsWorldGenerator world = new PartsWorldGenerator(new PartsWorldConfig(classes, perClass, 48, 7, 0.5));
    List<Long> ids = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      GeneratedImage first = world.generate(c, 0);
      String name = "species_" + c;
      catalog.createClass(new NewClass(name, first.species().displayName(), first.species().family().name()), "test");
      for (int i = 0; i < perClass; i++) {
        byte[] png = TestImages.encode(world.generate(c, i).image(), "png");
        ids.add(ingest.ingest(new ByteArrayInputStream(png),
            IngestRequest.upload("bird-" + c + "-" + i + ".png", name, i % 2 == 0 ? Split.TRAIN : Split.TEST, "test"))
            .image().id());
      }
    }
    ModelRegistry registry = app.bean(ModelRegistry.class);
    ModelVersion v = registry.register(PackageFixtures.microV1(), "test", EncodingProgress.NONE, () -> false);
    return new Seeded(registry.activate(v.id(), "test"), ids, world);
  }

  /** A parts-world bird that is not in the catalog, as PNG bytes. */
  public static byte[] newBird(Seeded s, int classIndex, int imageIndex) {
    return TestImages.encode(s.world().generate(classIndex, imageIndex).image(), "png");
  }

  /** What {@link #seed} made. */
  public record Seeded(ModelVersion model, List<Long> imageIds, PartsWorldGenerator world) {}
}
