package org.concepthash.reproduce;

/**
 * One row of the reproduction: a method, and for ConceptHash one change of the shipped recipe.
 *
 * @param id stable key of the row in the JSON lines
 * @param data {@link DataSource} the row runs on
 * @param label what the row is, as the report prints it
 * @param method how codes are made
 * @param edit the recipe change (ConceptHash only)
 * @param bits code length of the shallow baselines (ConceptHash takes it from the recipe)
 */
record Configuration(
    String id, DataSource data, String label, Method method, RecipeEdit edit, int bits) {

  static Configuration conceptHash(String id, DataSource data, String label, RecipeEdit edit) {
    return new Configuration(id, data, label, Method.CONCEPT_HASH, edit, 0);
  }

  static Configuration shallow(String id, DataSource data, String label, Method method, int bits) {
    return new Configuration(id, data, label, method, RecipeEdit.NONE, bits);
  }
}
