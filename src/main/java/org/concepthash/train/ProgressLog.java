package org.concepthash.train;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Appends progress to {@code progress.jsonl}, one JSON object per line, flushed per line. */
final class ProgressLog implements TrainingListener {

  private static final Gson GSON = new Gson();
  private final Writer out;

  ProgressLog(Writer out) {
    this.out = out;
  }

  @Override
  public void onStep(StepProgress p) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("type", "step");
    line.put("epoch", p.epoch());
    line.put("step", p.step());
    line.put("stepsPerEpoch", p.stepsPerEpoch());
    line.put("loss", p.loss());
    line.put("terms", p.terms());
    line.put("lr", p.lr());
    line.put("gradientNorm", p.gradientNorm());
    line.put("imagesPerSecond", p.imagesPerSecond());
    line.put("etaSeconds", p.eta().toSeconds());
    write(line);
  }

  @Override
  public void onEpoch(EpochSummary s) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("type", "epoch");
    line.put("epoch", s.epoch());
    line.put("loss", s.meanLoss());
    line.put("terms", s.meanTerms());
    line.put("lr", s.lr());
    s.validation().ifPresent(v -> line.put("validation", v));
    line.put("best", s.best());
    write(line);
  }

  private void write(Map<String, Object> line) {
    try {
      out.write(GSON.toJson(line));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write progress.jsonl", e);
    }
  }
}
