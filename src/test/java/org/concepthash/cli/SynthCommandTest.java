package org.concepthash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {

  @TempDir Path tmp;

  @Test
  void synthWritesTheRequestedDataSet() throws Exception {
    Path out = tmp.resolve("world");
    int exit =
        Main.run(
            "synth",
            "--out",
            out.toString(),
            "--classes",
            "3",
            "--per-class",
            "4",
            "--size",
            "32",
            "--seed",
            "5",
            "--train-fraction",
            "0.75");
    assertEquals(0, exit);
    List<String> manifest = Files.readAllLines(out.resolve("parts-world.txt"));
    assertTrue(
        manifest.containsAll(
            List.of("classes=3", "per_class=4", "size=32", "seed=5", "train_fraction=0.75")),
        manifest.toString());
    assertEquals(3 * 3, Files.readAllLines(out.resolve("train.txt")).size());
    assertEquals(3, Files.readAllLines(out.resolve("test.txt")).size());
  }

  @Test
  void anImpossibleSizeIsRefusedAndWritesNothing() {
    Path out = tmp.resolve("world");
    int exit = Main.run("synth", "--out", out.toString(), "--size", "8");
    assertNotEquals(0, exit);
    assertFalse(Files.exists(out));
  }
}
