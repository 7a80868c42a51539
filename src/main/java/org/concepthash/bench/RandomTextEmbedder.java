package org.concepthash.bench;

import java.util.List;
import java.util.SplittableRandom;
import org.concepthash.model.TextEmbedder;

/**
 * Seeded random "text embeddings" of MiniLM's width (384), so that {@code bench train} builds the
 * reference language-centre head (fixed embeddings -> MLP -> K) without loading a text model. Only
 * the centres' values differ from a real run; their cost per step is the same.
 */
final class RandomTextEmbedder implements TextEmbedder {

  static final int DIMENSION = 384;
  private final long seed;

  RandomTextEmbedder(long seed) {
    this.seed = seed;
  }

  @Override
  public String name() {
    return "random (bench)";
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public float[][] embed(List<String> texts) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] out = new float[texts.size()][DIMENSION];
    for (float[] row : out) {
      for (int j = 0; j < DIMENSION; j++) {
        row[j] = (float) random.nextGaussian();
      }
    }
    return out;
  }

  @Override
  public void close() {}
}
