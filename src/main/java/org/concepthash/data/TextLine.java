package org.concepthash.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One non-blank line of a text annotation file with its 1-based line number, so every parse error
 * can name the file and line. Readers parse whole files into memory before building a data set: an
 * error anywhere means no data set at all, never a half-read one.
 */
record TextLine(Path file, int number, String text) {

  /**
   * All non-blank lines of a UTF-8 file (a byte-order mark and Windows line ends are tolerated).
   */
  static List<TextLine> readAll(Path file) throws DatasetFormatException {
    if (!Files.isRegularFile(file)) {
      throw new DatasetFormatException(file, "file not found");
    }
    List<String> raw;
    try {
      raw = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DatasetFormatException(file, "cannot read as UTF-8 text: " + e.getMessage(), e);
    }
    List<TextLine> lines = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      String text = raw.get(i);
      if (i == 0 && text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      text = text.strip();
      if (!text.isEmpty()) {
        lines.add(new TextLine(file, i + 1, text));
      }
    }
    return lines;
  }

  /** Exactly {@code count} whitespace-separated fields. */
  String[] fields(int count) throws DatasetFormatException {
    String[] parts = text.split("\\s+");
    if (parts.length != count) {
      throw error("expected " + count + " space-separated fields, found " + parts.length);
    }
    return parts;
  }

  /**
   * {@code count - 1} whitespace-separated fields, then the rest of the line as the last field (for
   * names that contain spaces, e.g. "12 Black-capped Chickadee").
   */
  String[] fieldsAndRest(int count) throws DatasetFormatException {
    String[] parts = text.split("\\s+", count);
    if (parts.length != count) {
      throw error("expected at least " + count + " space-separated fields, found " + parts.length);
    }
    return parts;
  }

  /** Exactly {@code count} comma-separated fields (our own CSV files never quote). */
  String[] csv(int count) throws DatasetFormatException {
    String[] parts = text.split(",", -1);
    if (parts.length != count) {
      throw error("expected " + count + " comma-separated fields, found " + parts.length);
    }
    return parts;
  }

  int integer(String value, String what) throws DatasetFormatException {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw error(what + " is not an integer: '" + value + "'");
    }
  }

  double number(String value, String what) throws DatasetFormatException {
    try {
      double d = Double.parseDouble(value.trim());
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw error(what + " is not a finite number: '" + value + "'");
    }
  }

  /**
   * The image file {@code relative} (to {@code root}) named on this line; it must exist and stay
   * inside the root (no "../" escapes from an annotation file).
   */
  Path image(Path root, String relative) throws DatasetFormatException {
    Path base = root.toAbsolutePath().normalize();
    Path file = base.resolve(relative).normalize();
    if (!file.startsWith(base)) {
      throw error("image path leaves the data set folder: " + relative);
    }
    if (!Files.isRegularFile(file)) {
      throw error("image file not found: " + file);
    }
    return file;
  }

  DatasetFormatException error(String message) {
    return new DatasetFormatException(file, number, message);
  }
}
