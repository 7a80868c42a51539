package org.concepthash.encode.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concepthash.code.BinaryCodes;
import org.concepthash.code.HexCode;

/**
 * Externally computed codes for {@code eval --codes}: a UTF-8 TSV file whose first line is exactly
 * {@code split label family code}, then one row per image:
 *
 * <ul>
 *   <li>split: {@code query} or {@code database};
 *   <li>label: the class (any text without tabs); relevance = equal labels;
 *   <li>family: the family, or empty in every row when there is none;
 *   <li>code: the binary code in {@link HexCode} form (b_0 is the most significant bit).
 * </ul>
 *
 * <p>K is {@code bits} when given, else 4 x the number of hex digits; every code must have the same
 * number of digits. Blank lines are ignored; any other malformed line is refused with its line
 * number.
 *
 * @param queryLabels, databaseLabels label indices (order of first appearance over the file)
 * @param queryFamilies, databaseFamilies family indices, null when the file has no families
 */
record CodeTable(
    BinaryCodes queries,
    int[] queryLabels,
    int[] queryFamilies,
    BinaryCodes database,
    int[] databaseLabels,
    int[] databaseFamilies,
    int familyCount) {

  static final String HEADER = "split\tlabel\tfamily\tcode";

  static CodeTable read(Path file, Integer bits) throws IOException {
    Map<String, Integer> labels = new LinkedHashMap<>();
    Map<String, Integer> families = new LinkedHashMap<>();
    Side query = new Side();
    Side database = new Side();
    int k = bits == null ? -1 : bits;
    Boolean hasFamilies = null;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null || !header.strip().equals(HEADER)) {
        throw error(
            file, 1, "the first line must be the header '" + HEADER.replace("\t", "\\t") + "'");
      }
      String line;
      int number = 1;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 4) {
          throw error(file, number, "expected 4 tab-separated fields, found " + f.length);
        }
        Side side =
            switch (f[0].strip()) {
              case "query" -> query;
              case "database" -> database;
              default ->
                  throw error(file, number, "split must be query or database, not '" + f[0] + "'");
            };
        String label = f[1].strip();
        if (label.isEmpty()) {
          throw error(file, number, "empty label");
        }
        boolean family = !f[2].strip().isEmpty();
        if (hasFamilies != null && hasFamilies != family) {
          throw error(file, number, "family must be given in every row or in none");
        }
        hasFamilies = family;
        String hex = f[3].strip();
        if (k < 0) {
          k = 4 * hex.length();
        }
        try {
          side.codes.add(HexCode.parse(hex, k));
        } catch (IllegalArgumentException e) {
          throw error(file, number, e.getMessage());
        }
        side.labels.add(labels.computeIfAbsent(label, x -> labels.size()));
        side.families.add(
            family ? families.computeIfAbsent(f[2].strip(), x -> families.size()) : -1);
      }
    }
    if (query.codes.isEmpty() || database.codes.isEmpty()) {
      throw error(file, 0, "needs at least one query row and one database row");
    }
    boolean withFamilies = Boolean.TRUE.equals(hasFamilies);
    return new CodeTable(
        query.codes(k),
        query.labels(),
        withFamilies ? query.families() : null,
        database.codes(k),
        database.labels(),
        withFamilies ? database.families() : null,
        withFamilies ? families.size() : 0);
  }

  private static IOException error(Path file, int line, String message) {
    return new IOException(file + (line > 0 ? ":" + line : "") + ": " + message);
  }

  private static final class Side {
    final List<long[]> codes = new ArrayList<>();
    final List<Integer> labels = new ArrayList<>();
    final List<Integer> families = new ArrayList<>();

    BinaryCodes codes(int bits) {
      int per = BinaryCodes.wordsPerCode(bits);
      long[] words = new long[codes.size() * per];
      for (int i = 0; i < codes.size(); i++) {
        System.arraycopy(codes.get(i), 0, words, i * per, per);
      }
      return new BinaryCodes(bits, words);
    }

    int[] labels() {
      return labels.stream().mapToInt(Integer::intValue).toArray();
    }

    int[] families() {
      return families.stream().mapToInt(Integer::intValue).toArray();
    }
  }
}
