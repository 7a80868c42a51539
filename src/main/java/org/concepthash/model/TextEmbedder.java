package org.concepthash.model;

import java.util.List;

/** A frozen sentence encoder used for language-guided class centres. */
public interface TextEmbedder extends AutoCloseable {

  /** What produced the embeddings, recorded in run metadata (e.g. "all-MiniLM-L6-v2-q (onnx)"). */
  String name();

  /** Embedding dimension d. */
  int dimension();

  /** One d-dimensional embedding per text, in order. */
  float[][] embed(List<String> texts);

  @Override
  void close();
}
