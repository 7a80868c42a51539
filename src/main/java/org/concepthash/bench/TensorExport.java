package org.concepthash.bench;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concepthash.model.ModelParameter;
import org.concepthash.model.ParameterSet;

/**
 * Writes every tensor of a parameter set for the PyTorch peer ({@code bench/concepthash_torch.py}):
 * {@code tensors.json} = {"data": path, "tensors": [{"name", "shape", "offset" (in floats),
 * "trainable"}]} and {@code tensors.bin}, the values as little-endian float32, one tensor after
 * another.
 */
public final class TensorExport {

  private TensorExport() {}

  /** Writes both files into {@code dir}; returns the path of the index. */
  public static Path write(ParameterSet parameters, Path dir) throws IOException {
    Path data = dir.resolve("tensors.bin");
    List<Map<String, Object>> index = new ArrayList<>();
    long offset = 0;
    try (OutputStream out = Files.newOutputStream(data)) {
      for (ModelParameter p : parameters.all()) {
        float[] values = p.values();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", p.name());
        entry.put("shape", p.array().getShape().getShape());
        entry.put("offset", offset);
        entry.put("trainable", p.isTrainable());
        index.add(entry);
        out.write(littleEndian(values));
        offset += values.length;
      }
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("data", data.toAbsolutePath().toString());
    root.put("tensors", index);
    Path json = dir.resolve("tensors.json");
    Files.writeString(json, new Gson().toJson(root), StandardCharsets.UTF_8);
    return json;
  }

  /** Raw little-endian float32 values, e.g. an image batch for the peer. */
  public static byte[] littleEndian(float[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    return buffer.array();
  }

  /** Raw little-endian int32 values. */
  public static byte[] littleEndian(int[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asIntBuffer().put(values);
    return buffer.array();
  }
}
