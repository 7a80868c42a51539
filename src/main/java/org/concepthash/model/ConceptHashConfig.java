package org.concepthash.model;

import org.concepthash.code.ConceptLayout;

/**
 * Everything that fixes the shapes of a ConceptHash network.
 *
 * @param geometry the image tower
 * @param concepts number of concept tokens M
 * @param bits code length K; a multiple of {@code concepts} (see {@link #layout()})
 * @param conceptTokens generated (reference) or direct parameters (paper)
 * @param conceptAttention where the concept tokens look: the tower (paper) or local features; null
 *     (a configuration written before the choice existed) means the tower
 * @param adapterBottleneck hidden width of each adapter
 * @param generatorWidth width of the concept-token generator's queries (512 in the reference)
 * @param generatorHeads attention heads of the generator (8 in the reference)
 * @param generatorDropout dropout inside the generator (0.1 in the reference)
 */
public record ConceptHashConfig(
    VitGeometry geometry,
    int concepts,
    int bits,
    ConceptTokenMode conceptTokens,
    ConceptAttention conceptAttention,
    int adapterBottleneck,
    int generatorWidth,
    int generatorHeads,
    float generatorDropout) {

  public ConceptHashConfig {
    if (geometry == null) {
      throw new IllegalArgumentException("geometry is required");
    }
    if (conceptTokens == null) {
      throw new IllegalArgumentException("conceptTokens is required");
    }
    if (conceptAttention == null) {
      conceptAttention = ConceptAttention.TOWER;
    }
    int patch = geometry.patchSize();
    if (conceptAttention == ConceptAttention.LOCAL && (patch < 2 || Integer.bitCount(patch) != 1)) {
      throw new IllegalArgumentException(
          "conceptAttention local halves the image down to the patch grid, so "
              + "the patch size must be a power of two (2, 4, 8, ...), not "
              + patch);
    }
    // the layout's bounds on bits and concepts, checked where a recipe is read rather than at the
    // first search (the fields are not assigned yet, so not through layout())
    new ConceptLayout(bits, concepts);
    VitGeometry.positive("adapterBottleneck", adapterBottleneck);
    VitGeometry.positive("generatorWidth", generatorWidth);
    VitGeometry.positive("generatorHeads", generatorHeads);
    // the hash head projects every concept token with one shared Linear, so all concepts need the
    // same width; the layout itself (and everything that serves codes) allows uneven widths
    if (bits % concepts != 0) {
      throw new IllegalArgumentException(
          "bits (" + bits + ") must be a multiple of concepts (" + concepts + ")");
    }
    if (generatorWidth % generatorHeads != 0) {
      throw new IllegalArgumentException(
          "generatorWidth ("
              + generatorWidth
              + ") must be a multiple of generatorHeads ("
              + generatorHeads
              + ")");
    }
    if (!(generatorDropout >= 0f && generatorDropout < 1f)) {
      throw new IllegalArgumentException(
          "generatorDropout must be in [0, 1), was " + generatorDropout);
    }
  }

  /** The reference setting: ViT-B/32, M = 4, K = 64, generated tokens, adapter bottleneck 384. */
  public static ConceptHashConfig vitB32() {
    return new ConceptHashConfig(
        VitGeometry.vitB32(),
        4,
        64,
        ConceptTokenMode.GENERATED,
        ConceptAttention.TOWER,
        384,
        512,
        8,
        0.1f);
  }

  /** The CPU setting: tiny tower, M = 4, K = 32, small generator. */
  public static ConceptHashConfig tiny() {
    return new ConceptHashConfig(
        VitGeometry.tiny(),
        4,
        32,
        ConceptTokenMode.GENERATED,
        ConceptAttention.TOWER,
        32,
        64,
        4,
        0.1f);
  }

  /** Which bits of the code belong to which concept. */
  public ConceptLayout layout() {
    return new ConceptLayout(bits, concepts);
  }

  /** The width of every concept of {@link #layout()}, K / M, which the shared projection emits. */
  public int bitsPerConcept() {
    return layout().width(0);
  }

  /** The token layout this configuration implies. */
  public TokenLayout tokenLayout() {
    return new TokenLayout(geometry.patchCount(), concepts);
  }

  public ConceptHashConfig withBits(int k) {
    return new ConceptHashConfig(
        geometry,
        concepts,
        k,
        conceptTokens,
        conceptAttention,
        adapterBottleneck,
        generatorWidth,
        generatorHeads,
        generatorDropout);
  }

  public ConceptHashConfig withGeometry(VitGeometry g) {
    return new ConceptHashConfig(
        g,
        concepts,
        bits,
        conceptTokens,
        conceptAttention,
        adapterBottleneck,
        generatorWidth,
        generatorHeads,
        generatorDropout);
  }
}
