package org.concepthash.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.concepthash.code.BinaryCodes;
import org.concepthash.data.LabelledImage;
import org.concepthash.model.ConceptHashNet;
import org.concepthash.model.ImagePreprocessor;
import org.concepthash.model.ParameterSet;

/**
 * Binary codes of images in eval mode through the shared {@link ImagePreprocessor}, for evaluation
 * during training: the same transform serving applies, so the reported numbers are what users get.
 */
final class CodeEncoder {

  private final ParameterSet parameters;
  private final ConceptHashNet net;
  private final ImagePreprocessor preprocessor;
  private final ImageStore store;
  private final int batchSize;

  CodeEncoder(
      ParameterSet parameters,
      ConceptHashNet net,
      ImagePreprocessor preprocessor,
      ImageStore store,
      int batchSize) {
    this.parameters = parameters;
    this.net = net;
    this.preprocessor = preprocessor;
    this.store = store;
    this.batchSize = batchSize;
  }

  /** Codes of {@code items} in order. */
  BinaryCodes encode(List<LabelledImage> items) {
    int bits = net.config().bits();
    int s = preprocessor.cropSize();
    int pixels = 3 * s * s;
    float[] codes = new float[items.size() * bits];
    for (int start = 0; start < items.size(); start += batchSize) {
      List<LabelledImage> batch = items.subList(start, Math.min(items.size(), start + batchSize));
      float[] input = new float[batch.size() * pixels];
      java.util.stream.IntStream.range(0, batch.size())
          .parallel()
          .forEach(
              i ->
                  System.arraycopy(
                      preprocessor.normalise(preprocessor.centreCrop(store.get(batch.get(i)))),
                      0,
                      input,
                      i * pixels,
                      pixels));
      try (NDManager scope = parameters.manager().newSubManager()) {
        parameters.lendTo(scope);
        NDArray images = scope.create(input, new Shape(batch.size(), 3, s, s));
        float[] out = net.forward(images, false).code().toFloatArray();
        System.arraycopy(out, 0, codes, start * bits, out.length);
      }
    }
    return BinaryCodes.fromContinuous(codes, items.size(), bits);
  }

  static int[] labels(List<LabelledImage> items) {
    return items.stream().mapToInt(LabelledImage::classIndex).toArray();
  }
}
