package org.concepthash.serving.query;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concepthash.code.ConceptLayout;
import org.concepthash.model.CropWindow;
import org.concepthash.search.HammingIndex;
import org.concepthash.search.IndexEntry;
import org.concepthash.search.IndexSnapshot;
import org.concepthash.serving.CatalogSearchIndex;
import org.concepthash.serving.ModelVersion;
import org.concepthash.serving.ServingModel;

/**
 * What the sub-codes of the active model mean in this catalog: per concept, its most frequent
 * sub-code values with how many images carry each, and a few exemplars per value with the region
 * around that concept's attention peak. Counts come from the in-memory index; attention is computed
 * for the exemplars only.
 */
@Singleton
public class ConceptAtlas {

  /** Sub-codes of at most this many bits list every value (2 bits: the paper's four quadrants). */
  public static final int ALL_VALUES_UP_TO_BITS = 2;

  private final ServingModel serving;
  private final CatalogSearchIndex index;
  private final AttentionService attention;

  ConceptAtlas(ServingModel serving, CatalogSearchIndex index, AttentionService attention) {
    this.serving = serving;
    this.index = index;
    this.attention = attention;
  }

  /** The atlas of the active model, or empty while none is active. */
  public Optional<Atlas> build(int valuesPerConcept, int exemplarsPerValue) throws IOException {
    Optional<ServingModel.Serving> s = serving.current();
    Optional<HammingIndex> idx = index.index();
    if (s.isEmpty() || idx.isEmpty() || !idx.get().modelVersion().equals(s.get().id())) {
      return Optional.empty();
    }
    ModelVersion model = s.get().version();
    IndexSnapshot snapshot = idx.get().snapshot();
    ConceptLayout layout = snapshot.layout();
    List<String> names = ConceptNames.display(model.conceptNames());
    List<Map<String, ValueStats>> stats = new ArrayList<>();
    for (int m = 0; m < layout.concepts(); m++) {
      stats.add(new HashMap<>());
    }
    // entries stream in image-id order, so the exemplars are the oldest images of each value
    snapshot
        .entries()
        .forEach(
            e -> {
              for (int m = 0; m < layout.concepts(); m++) {
                stats
                    .get(m)
                    .computeIfAbsent(subCode(e, layout, m), v -> new ValueStats())
                    .add(e.imageId(), exemplarsPerValue);
              }
            });
    List<List<String>> chosen = new ArrayList<>();
    Set<Long> exemplarIds = new LinkedHashSet<>();
    for (int m = 0; m < layout.concepts(); m++) {
      List<String> values = values(stats.get(m), layout.width(m), valuesPerConcept);
      chosen.add(values);
      for (String v : values) {
        ValueStats vs = stats.get(m).get(v);
        if (vs != null) {
          exemplarIds.addAll(vs.exemplars);
        }
      }
    }
    Map<Long, AttentionMaps> maps = attention.forImages(new ArrayList<>(exemplarIds), model.id());
    List<Concept> concepts = new ArrayList<>();
    for (int m = 0; m < layout.concepts(); m++) {
      List<Value> values = new ArrayList<>();
      for (String v : chosen.get(m)) {
        ValueStats vs = stats.get(m).getOrDefault(v, new ValueStats());
        List<Exemplar> exemplars = new ArrayList<>();
        for (long id : vs.exemplars) {
          AttentionMaps a = maps.get(id);
          if (a != null) {
            exemplars.add(new Exemplar(id, peakRegion(a, m)));
          }
        }
        values.add(new Value(v, vs.count, exemplars));
      }
      concepts.add(new Concept(m, names.get(m), layout.width(m), values));
    }
    return Optional.of(new Atlas(model, snapshot.size(), concepts));
  }

  /** The value's bits as a '0'/'1' string, first bit first (as {@code Encoding.subCodes}). */
  static String subCode(IndexEntry e, ConceptLayout layout, int m) {
    StringBuilder s = new StringBuilder(layout.width(m));
    for (int j = layout.start(m); j < layout.end(m); j++) {
      s.append((e.code()[j >>> 6] >>> (j & 63) & 1L) != 0 ? '1' : '0');
    }
    return s.toString();
  }

  private static List<String> values(Map<String, ValueStats> stats, int bits, int limit) {
    if (bits <= ALL_VALUES_UP_TO_BITS) {
      List<String> all = new ArrayList<>();
      for (int v = 0; v < 1 << bits; v++) {
        String s = Integer.toBinaryString(v);
        all.add("0".repeat(bits - s.length()) + s);
      }
      return all; // in value order: 00 01 10 11 are the quadrants top-left, top-right, bottom-left,
      // bottom-right
    }
    return stats.entrySet().stream()
        .sorted(
            Comparator.<Map.Entry<String, ValueStats>>comparingLong(e -> -e.getValue().count)
                .thenComparing(Map.Entry::getKey))
        .limit(limit)
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * A square around the peak patch of concept {@code m}: two patches wide, at least a third of the
   * crop, in original-image fractions.
   */
  static CropBox peakRegion(AttentionMaps a, int m) {
    int peak = a.peak(m);
    int g = a.grid();
    // the crop box is relative; work in a unit crop of g patches and scale back
    CropWindow unit = new CropWindow(g, g, g, g, g);
    double side = Math.max(2.0, g / 3.0);
    CropBox inCrop = CropBox.around(unit, peak % g + 0.5, peak / g + 0.5, side);
    CropBox c = a.crop();
    return new CropBox(
        c.left() + inCrop.left() * c.width(),
        c.top() + inCrop.top() * c.height(),
        inCrop.width() * c.width(),
        inCrop.height() * c.height());
  }

  private static final class ValueStats {
    long count;
    final List<Long> exemplars = new ArrayList<>();

    void add(long imageId, int maxExemplars) {
      count++;
      if (exemplars.size() < maxExemplars) {
        exemplars.add(imageId);
      }
    }
  }

  /** The atlas of one model version over {@code images} coded catalog images. */
  public record Atlas(ModelVersion model, long images, List<Concept> concepts) {}

  /**
   * One concept with its sub-code values, most frequent first (value order for short sub-codes).
   */
  public record Concept(int index, String name, int bits, List<Value> values) {}

  /** One sub-code value, how many catalog images have it, and some of them. */
  public record Value(String bits, long count, List<Exemplar> exemplars) {}

  /** An image with the region around the concept's attention peak. */
  public record Exemplar(long imageId, CropBox region) {}
}
