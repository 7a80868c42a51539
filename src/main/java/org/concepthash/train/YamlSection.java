package org.concepthash.train;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict reading of one YAML mapping: every read marks its key as known, and {@link #finish()}
 * fails on any key that was never read, naming it with its path, so a typo in a recipe is an error
 * rather than a silently ignored setting.
 */
final class YamlSection {

  private final String path;
  private final Map<String, Object> values;
  private final Set<String> known = new LinkedHashSet<>();

  YamlSection(String path, Map<?, ?> values) {
    this.path = path;
    this.values = new LinkedHashMap<>();
    values.forEach((k, v) -> this.values.put(String.valueOf(k), v));
  }

  YamlSection section(String key) {
    Object v = raw(key);
    if (v == null) {
      return new YamlSection(qualified(key), Map.of());
    }
    if (!(v instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(qualified(key) + " must be a mapping, got '" + v + "'");
    }
    return new YamlSection(qualified(key), map);
  }

  String string(String key, String fallback) {
    Object v = raw(key);
    return v == null ? fallback : String.valueOf(v);
  }

  int integer(String key, int fallback) {
    Object v = raw(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Integer || v instanceof Long) {
      return Math.toIntExact(((Number) v).longValue());
    }
    throw new IllegalArgumentException(qualified(key) + " must be an integer, got '" + v + "'");
  }

  long longValue(String key, long fallback) {
    Object v = raw(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Integer || v instanceof Long) {
      return ((Number) v).longValue();
    }
    throw new IllegalArgumentException(qualified(key) + " must be an integer, got '" + v + "'");
  }

  double decimal(String key, double fallback) {
    Object v = raw(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException(qualified(key) + " must be a number, got '" + v + "'");
  }

  boolean bool(String key, boolean fallback) {
    Object v = raw(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw new IllegalArgumentException(qualified(key) + " must be true or false, got '" + v + "'");
  }

  <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
    String v = string(key, null);
    if (v == null) {
      return fallback;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(v.trim())) {
        return e;
      }
    }
    Set<String> allowed = new TreeSet<>();
    for (E e : type.getEnumConstants()) {
      allowed.add(e.name().toLowerCase(java.util.Locale.ROOT));
    }
    throw new IllegalArgumentException(
        qualified(key) + " must be one of " + allowed + ", got '" + v + "'");
  }

  /** Fails if the mapping holds a key no read asked for. */
  void finish() {
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown recipe key"
              + (unknown.size() > 1 ? "s " : " ")
              + unknown.stream().map(this::qualified).toList()
              + "; known keys here: "
              + known);
    }
  }

  private Object raw(String key) {
    known.add(key);
    return values.get(key);
  }

  private String qualified(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
