package org.concepthash.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports the image tower of a Hugging Face CLIP {@code model.safetensors} into a ConceptHash
 * network and freezes what it loaded. Nothing loads partially: an unknown key, a backbone parameter
 * without a file key, or a shape mismatch fails before any value is written, and the message names
 * the key. F16/BF16 entries are widened to float32 in Java.
 */
public final class ClipWeightImporter {

  private ClipWeightImporter() {}

  public static ImportReport importVision(Path file, ParameterSet parameters) throws IOException {
    SafetensorsFile st = SafetensorsFile.open(file);
    Map<String, String> plan = new LinkedHashMap<>(); // our name -> file key
    List<String> unused = new ArrayList<>();
    for (SafetensorsFile.Entry entry : st.entries().values()) {
      String key = entry.name();
      if (ClipKeyMap.unused(key)) {
        unused.add(key);
        continue;
      }
      String target =
          ClipKeyMap.target(key)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          file
                              + ": tensor "
                              + key
                              + " matches no rule of the CLIP key map and is not a known unused"
                              + " key"));
      if (!parameters.contains(target)) {
        throw new IllegalArgumentException(
            file
                + ": tensor "
                + key
                + " maps to "
                + target
                + ", which this network does not have (is the geometry vitB32?)");
      }
      long[] expected = parameters.get(target).array().getShape().getShape();
      if (!Arrays.equals(expected, entry.shape())) {
        throw new IllegalArgumentException(
            file
                + ": tensor "
                + key
                + " has shape "
                + Arrays.toString(entry.shape())
                + " but "
                + target
                + " needs "
                + Arrays.toString(expected));
      }
      plan.put(target, key);
    }
    List<String> leftAtInit = new ArrayList<>();
    for (ModelParameter p : parameters.all()) {
      if (plan.containsKey(p.name())) {
        continue;
      }
      if (p.name().startsWith(ConceptHashNet.VISION + ".") && !p.name().contains(".adapter_")) {
        throw new IllegalArgumentException(
            file
                + ": no tensor for backbone parameter "
                + p.name()
                + " (expected key "
                + ClipKeyMap.source(p.name()).orElse("?")
                + ")");
      }
      leftAtInit.add(p.name());
    }
    for (Map.Entry<String, String> e : plan.entrySet()) {
      ModelParameter p = parameters.get(e.getKey());
      p.load(st.floats(e.getValue()));
      p.setTrainable(false);
    }
    return new ImportReport(file.toString(), List.copyOf(plan.keySet()), unused, leftAtInit);
  }
}
