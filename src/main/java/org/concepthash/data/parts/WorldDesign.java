package org.concepthash.data.parts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Designs the classes of a parts world from (number of classes, seed).
 *
 * <p>Classes come in families of three. With head colour A, wing colour B and beak colours c1, c2
 * of a family, its species are (A, B, c1), (B, A, c1) and (A, B, c2): the first two have the same
 * colours in nearly the same amounts (head and wing have equal area) so only WHERE a colour sits
 * tells them apart, and the first and third differ in one small part, the beak. A global colour
 * histogram therefore cannot separate family members; a model has to find the parts.
 */
public final class WorldDesign {

  /** Families of three species each; the last family may be smaller. */
  public static final int SPECIES_PER_FAMILY = 3;

  /** Distinct family designs available (body shape x tail x colour x pattern x beak, see below). */
  public static final int MAX_FAMILIES = 288;

  public static final int MAX_CLASSES = MAX_FAMILIES * SPECIES_PER_FAMILY;

  private static final long DESIGN_STREAM = 0x5EED_DE51_6EL;

  private static final List<String> NOUNS =
      List.of(
          "finch",
          "warbler",
          "heron",
          "sparrow",
          "gull",
          "wren",
          "tern",
          "plover",
          "thrush",
          "robin",
          "swallow",
          "oriole",
          "tanager",
          "vireo",
          "kinglet",
          "grebe",
          "lark",
          "pipit",
          "shrike",
          "jay",
          "crow",
          "dove",
          "pigeon",
          "hawk",
          "falcon",
          "owl",
          "kite",
          "egret",
          "ibis",
          "crane",
          "rail",
          "coot",
          "duck",
          "teal",
          "goose",
          "swan",
          "loon",
          "petrel",
          "puffin",
          "auk",
          "cuckoo",
          "swift",
          "hummingbird",
          "kingfisher",
          "woodpecker",
          "flycatcher",
          "bunting",
          "grosbeak");

  private WorldDesign() {}

  /** The species of a world with {@code classes} classes, in class-index order. */
  public static List<Species> create(int classes, long seed) {
    if (classes < 2 || classes > MAX_CLASSES) {
      throw new IllegalArgumentException("classes must be 2.." + MAX_CLASSES + ", not " + classes);
    }
    SplittableRandom random = new SplittableRandom(Seeds.mix(seed, DESIGN_STREAM));
    Family.BodyShape[] shapes = shuffled(Family.BodyShape.values(), random);
    Family.TailShape[] tails = shuffled(Family.TailShape.values(), random);
    PartColour[] colours = shuffled(PartColour.values(), random);
    Family.BodyPattern[] patterns = shuffled(Family.BodyPattern.values(), random);
    String[] nouns = shuffled(NOUNS.toArray(String[]::new), random);

    List<Species> species = new ArrayList<>(classes);
    int families = (classes + SPECIES_PER_FAMILY - 1) / SPECIES_PER_FAMILY;
    for (int f = 0; f < families; f++) {
      // Strides chosen so that neighbouring families differ in every shared part: (shape, tail)
      // cycles through all 16 pairs, colour has period 12, so the first 48 families are distinct in
      // (shape, tail, colour); the beak length and a pattern shift separate the later blocks of 48.
      Family family =
          new Family(
              nouns[f % nouns.length]
                  + (f < nouns.length ? "" : Integer.toString(f / nouns.length + 1)),
              shapes[f % shapes.length],
              tails[(f + f / shapes.length) % tails.length],
              colours[f % colours.length],
              patterns[(f + f / 96) % patterns.length],
              (f / 48) % 2 == 1);
      PartColour[] others = shuffled(without(colours, family.colour()), random);
      PartColour a = others[0];
      PartColour b = others[1];
      PartColour[][] members = {{a, b, others[2]}, {b, a, others[2]}, {a, b, others[3]}};
      for (int k = 0; k < SPECIES_PER_FAMILY && species.size() < classes; k++) {
        species.add(
            new Species(species.size(), family, members[k][0], members[k][1], members[k][2]));
      }
    }
    requireDistinct(species);
    return List.copyOf(species);
  }

  private static void requireDistinct(List<Species> species) {
    Set<List<Object>> looks = new HashSet<>();
    for (Species s : species) {
      Family f = s.family();
      List<Object> look =
          List.of(
              f.body(),
              f.tail(),
              f.colour(),
              f.pattern(),
              f.longBeak(),
              s.head(),
              s.wing(),
              s.beak());
      if (!looks.add(look)) {
        throw new IllegalStateException("two classes would look the same: " + s.className());
      }
    }
  }

  private static PartColour[] without(PartColour[] colours, PartColour excluded) {
    return Arrays.stream(colours).filter(c -> c != excluded).toArray(PartColour[]::new);
  }

  private static <T> T[] shuffled(T[] values, SplittableRandom random) {
    T[] copy = values.clone();
    for (int i = copy.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T t = copy[i];
      copy[i] = copy[j];
      copy[j] = t;
    }
    return copy;
  }
}
