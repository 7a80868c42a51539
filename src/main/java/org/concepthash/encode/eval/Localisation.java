package org.concepthash.encode.eval;

import java.util.List;
import org.concepthash.data.Keypoint;
import org.concepthash.encode.Encoding;
import org.concepthash.model.CropWindow;

/**
 * The localisation error of Table 3 (method-spec section 5), per concept: the distance between the
 * peak of the concept's attention map and the nearest ground-truth part keypoint of the image, in
 * the network's input crop, divided by the crop side (so 0.1 = a tenth of the crop), averaged over
 * images with keypoints. The peak is the centre of the patch with the largest attention (first one
 * on ties).
 */
final class Localisation {

  private final double[] sums;
  private int images;

  Localisation(int concepts) {
    this.sums = new double[concepts];
  }

  /** Adds one image; images without keypoints are skipped. */
  void add(Encoding encoding, CropWindow window, List<Keypoint> keypoints) {
    if (keypoints.isEmpty()) {
      return;
    }
    for (int m = 0; m < sums.length; m++) {
      AttentionPeak peak = AttentionPeak.of(encoding.attention()[m], encoding.grid());
      double px = peak.cropX(window);
      double py = peak.cropY(window);
      double nearest = Double.POSITIVE_INFINITY;
      for (Keypoint k : keypoints) {
        nearest = Math.min(nearest, Math.hypot(window.x(k.x()) - px, window.y(k.y()) - py));
      }
      sums[m] += nearest / window.size();
    }
    images++;
  }

  int images() {
    return images;
  }

  /** Mean normalised error per concept; empty before any image with keypoints. */
  double[] errors() {
    double[] out = new double[sums.length];
    for (int m = 0; m < out.length; m++) {
      out[m] = images == 0 ? Double.NaN : sums[m] / images;
    }
    return images == 0 ? new double[0] : out;
  }
}
