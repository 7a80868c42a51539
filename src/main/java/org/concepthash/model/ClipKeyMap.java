package org.concepthash.model;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which Hugging Face CLIP ({@code openai/clip-vit-base-patch32} layout) tensor goes to which of our
 * parameters, as data: prefix rewrites for the vision tower, and the keys we knowingly do not use.
 * Inside an encoder layer our names equal Hugging Face's ({@code self_attn.q_proj}, {@code
 * layer_norm1}, {@code mlp.fc1}, ...), so a layer needs a single prefix rule.
 */
public final class ClipKeyMap {

  /** A prefix rewrite: a file key starting with {@code from} maps to {@code to} + the rest. */
  public record Rule(String from, String to) {}

  /** File prefix -> our prefix. */
  public static final List<Rule> VISION =
      List.of(
          new Rule("vision_model.embeddings.class_embedding", "vision.embeddings.class_embedding"),
          new Rule(
              "vision_model.embeddings.patch_embedding.", "vision.embeddings.patch_embedding."),
          new Rule(
              "vision_model.embeddings.position_embedding.",
              "vision.embeddings.position_embedding."),
          new Rule("vision_model.pre_layrnorm.", "vision.ln_pre."),
          new Rule("vision_model.encoder.layers.", "vision.layers."));

  /**
   * Keys present in CLIP files that ConceptHash does not use: the post-LN and projection of the
   * image tower (the hash head reads raw concept-token states), the text tower (class centres come
   * from the text embedder), the logit scale, and position-id buffers.
   */
  public static final List<Pattern> UNUSED =
      List.of(
          Pattern.compile("vision_model\\.post_layernorm\\..*"),
          Pattern.compile("visual_projection\\.weight"),
          Pattern.compile("text_model\\..*"),
          Pattern.compile("text_projection\\.weight"),
          Pattern.compile("logit_scale"),
          Pattern.compile(".*\\.position_ids"));

  private ClipKeyMap() {}

  /** Our parameter name for a file key, if a rule covers it. */
  public static Optional<String> target(String fileKey) {
    for (Rule rule : VISION) {
      if (fileKey.startsWith(rule.from())) {
        return Optional.of(rule.to() + fileKey.substring(rule.from().length()));
      }
    }
    return Optional.empty();
  }

  /** The file key that would feed our parameter {@code name}, if any rule produces it. */
  public static Optional<String> source(String name) {
    for (Rule rule : VISION) {
      if (name.startsWith(rule.to())) {
        return Optional.of(rule.from() + name.substring(rule.to().length()));
      }
    }
    return Optional.empty();
  }

  public static boolean unused(String fileKey) {
    return UNUSED.stream().anyMatch(p -> p.matcher(fileKey).matches());
  }
}
