package org.concepthash.jobs;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * What a user asks to train: a recipe by name and the overrides the UI offers.
 *
 * @param recipe name of a recipe of {@link RecipeCatalog}
 * @param bits code length K, null for the recipe's; its bounds are the model configuration's (see
 *     {@link RecipeCatalog#resolve})
 * @param epochs training epochs, null for the recipe's
 * @param activate whether the new version becomes the active one when the job succeeds
 */
public record JobRequest(String recipe, Integer bits, Integer epochs, boolean activate) {

  public JobRequest {
    if (recipe == null || recipe.isBlank()) {
      throw new IllegalArgumentException("recipe is required");
    }
    recipe = recipe.strip();
    if (epochs != null && (epochs < 1 || epochs > 10_000)) {
      throw new IllegalArgumentException("epochs must be in 1..10000, not " + epochs);
    }
  }

  /**
   * The {@code parameters} column: canonical JSON (fixed key order), so that two identical requests
   * have equal text and the database can refuse a second open job for the same request.
   */
  String parametersJson() {
    JsonObject o = new JsonObject();
    o.addProperty("bits", bits);
    o.addProperty("epochs", epochs);
    o.addProperty("activate", activate);
    return o.toString();
  }

  static JobRequest of(String recipe, String parametersJson) {
    JsonObject o = JsonParser.parseString(parametersJson).getAsJsonObject();
    return new JobRequest(
        recipe,
        integer(o, "bits"),
        integer(o, "epochs"),
        !o.has("activate") || o.get("activate").getAsBoolean());
  }

  private static Integer integer(JsonObject o, String key) {
    return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsInt() : null;
  }
}
