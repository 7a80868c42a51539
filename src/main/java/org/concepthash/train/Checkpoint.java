package org.concepthash.train;

import ai.djl.ndarray.NDArray;
import com.google.gson.Gson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.concepthash.model.ModelParameter;
import org.concepthash.model.ParameterSet;
import org.concepthash.model.SafetensorsFile;

/**
 * A training checkpoint: one safetensors file holding every parameter and buffer under its dotted
 * name, the optimiser's momentum under {@code optimizer.velocity.<name>}, and in the metadata
 * {@code format=concepthash-checkpoint}, {@code version=1} and {@code state} (JSON {@link
 * TrainerState}). All tensors F32. An exporter reads the network tensors ({@code vision.*}, {@code
 * concepts.*}, {@code hash.*}) from it directly.
 */
public final class Checkpoint {

  public static final String FORMAT = "concepthash-checkpoint";
  public static final String VERSION = "1";
  static final String VELOCITY = "optimizer.velocity.";
  private static final Gson GSON = new Gson();

  private Checkpoint() {}

  static void save(Path file, ParameterSet parameters, SgdOptimizer optimizer, TrainerState state)
      throws IOException {
    Map<String, SafetensorsFile.Tensor> tensors = new LinkedHashMap<>();
    for (ModelParameter p : parameters.all()) {
      tensors.put(
          p.name(), new SafetensorsFile.Tensor(p.array().getShape().getShape(), p.values()));
    }
    for (Map.Entry<String, NDArray> v : optimizer.state().entrySet()) {
      tensors.put(
          VELOCITY + v.getKey(),
          new SafetensorsFile.Tensor(
              v.getValue().getShape().getShape(), v.getValue().toFloatArray()));
    }
    SafetensorsFile.write(
        file, tensors, Map.of("format", FORMAT, "version", VERSION, "state", GSON.toJson(state)));
  }

  /**
   * Restores parameters (all must be present with equal shapes) and, when {@code optimizer} is
   * given, its momentum; returns the stored state.
   */
  static TrainerState load(Path file, ParameterSet parameters, SgdOptimizer optimizer)
      throws IOException {
    SafetensorsFile st = SafetensorsFile.open(file);
    if (!FORMAT.equals(st.metadata().get("format"))
        || !VERSION.equals(st.metadata().get("version"))) {
      throw new IOException(file + " is not a version " + VERSION + " ConceptHash checkpoint");
    }
    for (ModelParameter p : parameters.all()) {
      SafetensorsFile.Entry e = st.entries().get(p.name());
      if (e == null) {
        throw new IOException(file + " has no tensor " + p.name());
      }
      if (!Arrays.equals(e.shape(), p.array().getShape().getShape())) {
        throw new IOException(
            file
                + ": tensor "
                + p.name()
                + " has shape "
                + Arrays.toString(e.shape())
                + ", the network needs "
                + p.array().getShape());
      }
    }
    for (ModelParameter p : parameters.all()) {
      p.load(st.floats(p.name()));
    }
    if (optimizer != null) {
      Map<String, float[]> velocity = new LinkedHashMap<>();
      for (String name : st.names()) {
        if (name.startsWith(VELOCITY)) {
          velocity.put(name.substring(VELOCITY.length()), st.floats(name));
        }
      }
      optimizer.restore(velocity);
    }
    return GSON.fromJson(st.metadata().get("state"), TrainerState.class);
  }
}
