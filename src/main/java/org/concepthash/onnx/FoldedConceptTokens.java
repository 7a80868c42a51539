package org.concepthash.onnx;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.concepthash.model.ConceptHashConfig;
import org.concepthash.model.ConceptHashNet;
import org.concepthash.model.ConceptTokens;
import org.concepthash.model.ModelParameter;
import org.concepthash.model.ParameterSet;

/**
 * The eval-mode concept tokens V (M, D) of a trained network, evaluated once so the exported graph
 * can hold them as a constant (they do not depend on the image).
 */
final class FoldedConceptTokens {

  private FoldedConceptTokens() {}

  /**
   * Rebuilds the token source of {@code config} in a scratch parameter set, copies the network's
   * {@code concepts.*} tensors into it and evaluates it without dropout. (The network keeps its
   * token source private; rebuilding it from the same names gives the same function.)
   *
   * @return V, (M, D) row-major
   */
  static float[] evaluate(ParameterSet network, ConceptHashConfig config) {
    try (ParameterSet scratch = new ParameterSet(Device.cpu(), 0)) {
      ConceptTokens tokens = ConceptTokens.create(scratch.scope(ConceptHashNet.CONCEPTS), config);
      for (ModelParameter p : scratch.all()) {
        p.load(network.get(p.name()).values());
      }
      if (scratch.all().size() != network.withPrefix(ConceptHashNet.CONCEPTS + ".").size()) {
        throw new IllegalStateException(
            "the network has concept-token tensors the "
                + config.conceptTokens()
                + " token source does not define");
      }
      try (NDManager scope = scratch.manager().newSubManager()) {
        scratch.lendTo(scope);
        return tokens.tokens(false).toFloatArray();
      }
    }
  }
}
