package org.concepthash.web;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text stored in the database (job progress) and report records (model metrics) as plain
 * values the serializer writes.
 */
final class JsonValues {

  private static final Gson GSON = new Gson();

  private JsonValues() {}

  /** A JSON object's text as a map; an empty map for blank or non-object text. */
  static Map<String, Object> object(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    JsonElement e = JsonParser.parseString(json);
    if (!e.isJsonObject()) {
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) plain(e);
    return map;
  }

  /** A record with Gson's field names (nulls left out), the way it is stored; empty for null. */
  static Map<String, Object> record(Object value) {
    return value == null ? Map.of() : object(GSON.toJson(value));
  }

  static Object plain(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (e.isJsonObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      e.getAsJsonObject().entrySet().forEach(en -> map.put(en.getKey(), plain(en.getValue())));
      return map;
    }
    if (e.isJsonArray()) {
      List<Object> list = new ArrayList<>();
      e.getAsJsonArray().forEach(x -> list.add(plain(x)));
      return list;
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    if (p.isBoolean()) {
      return p.getAsBoolean();
    }
    if (p.isNumber()) {
      BigDecimal d;
      try {
        d = p.getAsBigDecimal();
      } catch (NumberFormatException notFinite) {
        return null; // NaN or Infinity has no JSON form
      }
      if (d.stripTrailingZeros().scale() <= 0
          && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
        return d.longValue();
      }
      return d.doubleValue();
    }
    return p.getAsString();
  }
}
