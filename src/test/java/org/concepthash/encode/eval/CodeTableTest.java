package org.concepthash.encode.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.concepthash.cli.Main;
import org.concepthash.code.BinaryCodes;
import org.concepthash.code.HexCode;
import org.concepthash.search.RetrievalMetrics;
import org.concepthash.search.RetrievalReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeTableTest {

  @TempDir Path dir;

  @Test
  void externalCodesScoreWhatTheMetricGivesForTheSameCodes() throws IOException {
    SplittableRandom random = new SplittableRandom(8);
    int bits = 16;
    BinaryCodes queries = randomCodes(random, 7, bits);
    BinaryCodes database = randomCodes(random, 20, bits);
    int[] queryLabels = random.ints(7, 0, 3).toArray();
    int[] databaseLabels = random.ints(20, 0, 3).toArray();
    StringBuilder tsv = new StringBuilder(CodeTable.HEADER + "\n");
    // labels written as text and in an order unrelated to their numbers: only equality matters
    String[] names = {"gull", "albatross", "tern"};
    String[] family = {"seabird", "seabird", "tern"};
    for (int i = 0; i < 20; i++) {
      tsv.append("database\t")
          .append(names[databaseLabels[i]])
          .append('\t')
          .append(family[databaseLabels[i]])
          .append('\t')
          .append(HexCode.format(database.code(i), bits))
          .append('\n');
    }
    tsv.append('\n');
    for (int i = 0; i < 7; i++) {
      tsv.append("query\t")
          .append(names[queryLabels[i]])
          .append('\t')
          .append(family[queryLabels[i]])
          .append('\t')
          .append(HexCode.format(queries.code(i), bits).toUpperCase())
          .append('\n');
    }
    Path file = Files.writeString(dir.resolve("codes.tsv"), tsv);

    EvaluationReport report = RetrievalEvaluation.ofCodes(file, null);

    assertEquals(
        RetrievalMetrics.evaluate(queries, queryLabels, database, databaseLabels),
        report.classes());
    int[] familyOf = {0, 0, 1};
    RetrievalReport families =
        RetrievalMetrics.evaluate(
            queries, map(queryLabels, familyOf), database, map(databaseLabels, familyOf));
    assertEquals(families, report.families());
    assertEquals(2, report.familyCount());
    assertEquals(bits, report.bits());
    assertNull(report.localisation());
  }

  @Test
  void aHandCheckedRankingScoresAsExpected() throws IOException {
    // query 00; database: 01 (other class, distance 1), 03 (same class, distance 2), 00 (same
    // class, 0)
    // ranking by (distance, index): 00 (hit), 01 (miss), 03 (hit): AP = (1/1 + 2/3) / 2
    Path file =
        Files.writeString(
            dir.resolve("hand.tsv"),
            CodeTable.HEADER
                + "\n"
                + "query\ta\t\t00\n"
                + "database\tb\t\t01\n"
                + "database\ta\t\t03\n"
                + "database\ta\t\t00\n");
    EvaluationReport report = RetrievalEvaluation.ofCodes(file, null);
    assertEquals((1 + 2.0 / 3) / 2, report.classes().mapAll(), 1e-12);
    assertEquals(1.0, report.classes().precisionAt1());
    assertNull(report.families());
  }

  @Test
  void malformedFilesAreRefusedWithTheLine() throws IOException {
    assertRefused("split\tlabel\tcode\n", ":1: the first line must be the header");
    assertRefused(
        CodeTable.HEADER + "\nquery\ta\t\t00\nboth\ta\t\t00\n",
        ":3: split must be query or database");
    assertRefused(
        CodeTable.HEADER + "\nquery\ta\tf\t00\ndatabase\ta\t\t00\n",
        ":3: family must be given in every row");
    assertRefused(
        CodeTable.HEADER + "\nquery\ta\t\t00\ndatabase\ta\t\t000\n",
        ":3: a 8-bit code has 2 hex digits");
    assertRefused(
        CodeTable.HEADER + "\nquery\ta\t\t00\n",
        "needs at least one query row and one database row");
  }

  @Test
  void theEvalCommandPrintsJsonOnStdoutAndATableOnStderr() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("cli.tsv"),
            CodeTable.HEADER
                + "\n"
                + "query\ta\t\t0f\n"
                + "database\ta\t\t0e\n"
                + "database\tb\t\tf0\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    int code;
    try {
      System.setOut(new PrintStream(out, true));
      System.setErr(new PrintStream(err, true));
      code = Main.run("eval", "--codes", file.toString());
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    assertEquals(0, code, err.toString());
    JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
    assertEquals(1.0, json.getAsJsonObject("classes").get("mapAll").getAsDouble());
    assertEquals(8, json.get("bits").getAsInt());
    assertTrue(json.has("families") && json.get("families").isJsonNull());
    assertTrue(err.toString().contains("mAP@all"), err.toString());
  }

  private void assertRefused(String text, String expected) throws IOException {
    Path file = Files.writeString(dir.resolve("bad.tsv"), text);
    IOException e = assertThrows(IOException.class, () -> RetrievalEvaluation.ofCodes(file, null));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  private static BinaryCodes randomCodes(SplittableRandom random, int count, int bits) {
    float[] values = new float[count * bits];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextBoolean() ? 1 : -1;
    }
    return BinaryCodes.fromContinuous(values, count, bits);
  }

  private static int[] map(int[] labels, int[] mapping) {
    int[] out = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = mapping[labels[i]];
    }
    return out;
  }
}
