package org.concepthash.model;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The safetensors format: an 8-byte little-endian header length N, N bytes of JSON ({@code {"name":
 * {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, "__metadata__": {..}}}), then the
 * raw little-endian tensor bytes (offsets relative to the end of the header).
 *
 * <p>Reading maps the file and decodes one tensor at a time (so a 600 MB CLIP file needs no 600 MB
 * buffer); F32, F16 and BF16 are widened to float, I64/I32 entries can be listed but not read as
 * floats. Writing stores F32, F16 or BF16.
 */
public final class SafetensorsFile {

  /** Element types this class handles. */
  public enum DType {
    F32(4),
    F16(2),
    BF16(2),
    F64(8),
    I64(8),
    I32(4);

    final int bytes;

    DType(int bytes) {
      this.bytes = bytes;
    }
  }

  /** One entry of the header. */
  public record Entry(String name, DType dtype, long[] shape, long begin, long end) {
    public long elementCount() {
      return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }
  }

  /** A tensor to write: float values of {@code shape}, stored as {@code dtype}. */
  public record Tensor(long[] shape, float[] values, DType dtype) {
    public Tensor(long[] shape, float[] values) {
      this(shape, values, DType.F32);
    }
  }

  private final Path path;
  private final Map<String, Entry> entries;
  private final Map<String, String> metadata;
  private final long dataStart;

  private SafetensorsFile(
      Path path, Map<String, Entry> entries, Map<String, String> metadata, long dataStart) {
    this.path = path;
    this.entries = entries;
    this.metadata = metadata;
    this.dataStart = dataStart;
  }

  /** Reads the header; tensor data is read on demand by {@link #floats}. */
  public static SafetensorsFile open(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(channel, lengthBytes, 0);
      long headerLength = lengthBytes.flip().getLong();
      if (headerLength <= 0 || headerLength > 100_000_000 || headerLength + 8 > channel.size()) {
        throw new IOException(
            path + " is not a safetensors file (header length " + headerLength + ")");
      }
      ByteBuffer header = ByteBuffer.allocate((int) headerLength);
      readFully(channel, header, 8);
      JsonObject json =
          new Gson().fromJson(new String(header.array(), StandardCharsets.UTF_8), JsonObject.class);
      Map<String, Entry> entries = new LinkedHashMap<>();
      Map<String, String> metadata = new LinkedHashMap<>();
      long dataLength = channel.size() - 8 - headerLength;
      for (Map.Entry<String, JsonElement> e : json.entrySet()) {
        if (e.getKey().equals("__metadata__")) {
          e.getValue()
              .getAsJsonObject()
              .entrySet()
              .forEach(m -> metadata.put(m.getKey(), m.getValue().getAsString()));
          continue;
        }
        entries.put(
            e.getKey(), entry(path, e.getKey(), e.getValue().getAsJsonObject(), dataLength));
      }
      return new SafetensorsFile(
          path,
          Collections.unmodifiableMap(entries),
          Collections.unmodifiableMap(metadata),
          8 + headerLength);
    }
  }

  private static Entry entry(Path path, String name, JsonObject o, long dataLength)
      throws IOException {
    DType dtype;
    try {
      dtype = DType.valueOf(o.get("dtype").getAsString());
    } catch (IllegalArgumentException e) {
      throw new IOException(path + ": tensor " + name + " has unsupported dtype " + o.get("dtype"));
    }
    long[] shape = new long[o.getAsJsonArray("shape").size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = o.getAsJsonArray("shape").get(i).getAsLong();
    }
    long begin = o.getAsJsonArray("data_offsets").get(0).getAsLong();
    long end = o.getAsJsonArray("data_offsets").get(1).getAsLong();
    Entry entry = new Entry(name, dtype, shape, begin, end);
    if (end < begin || end > dataLength || end - begin != entry.elementCount() * dtype.bytes) {
      throw new IOException(
          path
              + ": tensor "
              + name
              + " has inconsistent offsets ["
              + begin
              + ", "
              + end
              + "] for shape "
              + Arrays.toString(shape)
              + " "
              + dtype);
    }
    return entry;
  }

  public Path path() {
    return path;
  }

  /** Entries by name, in file order. */
  public Map<String, Entry> entries() {
    return entries;
  }

  public Set<String> names() {
    return entries.keySet();
  }

  public Map<String, String> metadata() {
    return metadata;
  }

  /** The values of tensor {@code name} as floats (F32 as is, F16/BF16/F64 converted). */
  public float[] floats(String name) throws IOException {
    Entry e = entries.get(name);
    if (e == null) {
      throw new IOException(path + " has no tensor " + name);
    }
    int count = Math.toIntExact(e.elementCount());
    ByteBuffer bytes =
        ByteBuffer.allocate(Math.toIntExact(e.end() - e.begin())).order(ByteOrder.LITTLE_ENDIAN);
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      readFully(channel, bytes, dataStart + e.begin());
    }
    bytes.flip();
    float[] out = new float[count];
    switch (e.dtype()) {
      case F32 -> bytes.asFloatBuffer().get(out);
      case F16 -> {
        for (int i = 0; i < count; i++) {
          out[i] = HalfPrecision.fromF16(bytes.getShort());
        }
      }
      case BF16 -> {
        for (int i = 0; i < count; i++) {
          out[i] = HalfPrecision.fromBf16(bytes.getShort());
        }
      }
      case F64 -> {
        for (int i = 0; i < count; i++) {
          out[i] = (float) bytes.getDouble();
        }
      }
      default ->
          throw new IOException(
              path + ": tensor " + name + " is " + e.dtype() + ", not a float type");
    }
    return out;
  }

  /**
   * Writes {@code tensors} (in iteration order) and {@code metadata} to {@code target} atomically:
   * a temporary file in the same directory is renamed over the target, so a crash never leaves half
   * a file.
   */
  public static void write(Path target, Map<String, Tensor> tensors, Map<String, String> metadata)
      throws IOException {
    JsonObject header = new JsonObject();
    if (!metadata.isEmpty()) {
      JsonObject meta = new JsonObject();
      metadata.forEach(meta::addProperty);
      header.add("__metadata__", meta);
    }
    long offset = 0;
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      Tensor t = e.getValue();
      long count = Arrays.stream(t.shape()).reduce(1, (a, b) -> a * b);
      if (count != t.values().length) {
        throw new IllegalArgumentException(
            e.getKey()
                + ": shape "
                + Arrays.toString(t.shape())
                + " needs "
                + count
                + " values, got "
                + t.values().length);
      }
      if (t.dtype() != DType.F32 && t.dtype() != DType.F16 && t.dtype() != DType.BF16) {
        throw new IllegalArgumentException(e.getKey() + ": cannot write " + t.dtype());
      }
      JsonObject o = new JsonObject();
      o.addProperty("dtype", t.dtype().name());
      com.google.gson.JsonArray shape = new com.google.gson.JsonArray();
      Arrays.stream(t.shape()).forEach(shape::add);
      o.add("shape", shape);
      com.google.gson.JsonArray offsets = new com.google.gson.JsonArray();
      offsets.add(offset);
      offset += count * t.dtype().bytes;
      offsets.add(offset);
      o.add("data_offsets", offsets);
      header.add(e.getKey(), o);
    }
    byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
    int padding =
        (8 - json.length % 8) % 8; // keep tensor data 8-byte aligned, as the reference writer does
    byte[] padded = Arrays.copyOf(json, json.length + padding);
    Arrays.fill(padded, json.length, padded.length, (byte) ' ');
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temporary = Files.createTempFile(dir, target.getFileName().toString(), ".partial");
    try (OutputStream out =
        new java.io.BufferedOutputStream(Files.newOutputStream(temporary), 1 << 20)) {
      out.write(
          ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded.length).array());
      out.write(padded);
      for (Tensor t : tensors.values()) {
        ByteBuffer data =
            ByteBuffer.allocate(t.values().length * t.dtype().bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : t.values()) {
          switch (t.dtype()) {
            case F16 -> data.putShort(HalfPrecision.toF16(v));
            case BF16 -> data.putShort(HalfPrecision.toBf16(v));
            default -> data.putFloat(v);
          }
        }
        out.write(data.array());
      }
    }
    Files.move(
        temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    long p = position;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, p);
      if (n < 0) {
        throw new IOException("unexpected end of file");
      }
      p += n;
    }
  }
}
