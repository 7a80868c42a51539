package org.concepthash.web;

import java.util.ArrayList;
import java.util.List;
import org.concepthash.serving.ModelVersion;

/** The API's per-concept reliability labels of a model version, in concept order. */
final class Reliability {

  private Reliability() {}

  static List<String> labels(ModelVersion v) {
    List<String> out = new ArrayList<>(v.concepts());
    for (int m = 0; m < v.concepts(); m++) {
      out.add(v.reliability(m).label());
    }
    return out;
  }
}
