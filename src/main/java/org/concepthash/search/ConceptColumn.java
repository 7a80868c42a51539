package org.concepthash.search;

import org.concepthash.code.BinaryCodes;
import org.concepthash.code.ConceptLayout;

/**
 * The sub-codes of ONE concept for the entries of a chunk, stored apart from the full rows so a
 * one-concept search reads only these bytes.
 *
 * <p>Layout: a concept of at most 32 bits is "packed": each sub-code sits in a lane of {@code
 * laneBits} = 8, 16 or 32 bits, {@code 64/laneBits} entries per long, entry {@code i} in word
 * {@code i/lanesPerWord} at bit offset {@code (i % lanesPerWord) * laneBits}; unused high lane bits
 * are 0. A wider concept is "wide": {@code wordsPerItem} = ceil(width/64) longs per entry,
 * entry-major.
 */
final class ConceptColumn {

  final int laneBits;
  final int lanesPerWord;
  final int wordsPerItem;
  final long[] words;

  private ConceptColumn(int laneBits, int lanesPerWord, int wordsPerItem, long[] words) {
    this.laneBits = laneBits;
    this.lanesPerWord = lanesPerWord;
    this.wordsPerItem = wordsPerItem;
    this.words = words;
  }

  boolean packed() {
    return lanesPerWord > 1;
  }

  /** Lane width for a concept width: the smallest of 8, 16, 32 that holds it, or 64 (wide). */
  static int laneBits(int width) {
    return width <= 8 ? 8 : width <= 16 ? 16 : width <= 32 ? 32 : 64;
  }

  /** Extracts concept {@code m} of the first {@code size} rows ({@code wpc} words each). */
  static ConceptColumn build(ConceptLayout layout, int m, long[] rows, int size) {
    int wpc = BinaryCodes.wordsPerCode(layout.bits());
    int width = layout.width(m);
    int start = layout.start(m);
    int lane = laneBits(width);
    if (lane < 64) {
      int perWord = 64 / lane;
      long[] words = new long[(size + perWord - 1) / perWord];
      for (int i = 0; i < size; i++) {
        long sub = bitRange(rows, i * wpc, start, width);
        words[i / perWord] |= sub << ((i % perWord) * lane);
      }
      return new ConceptColumn(lane, perWord, 1, words);
    }
    int perItem = (width + 63) >>> 6;
    long[] words = new long[size * perItem];
    for (int i = 0; i < size; i++) {
      for (int t = 0; t < perItem; t++) {
        words[i * perItem + t] =
            bitRange(rows, i * wpc, start + 64 * t, Math.min(64, width - 64 * t));
      }
    }
    return new ConceptColumn(64, 1, perItem, words);
  }

  /**
   * The query's sub-code in this column's layout: for a packed column one word with the sub-code
   * repeated in every lane; for a wide column its {@code wordsPerItem} words.
   */
  static long[] queryWords(ConceptLayout layout, int m, long[] query) {
    int width = layout.width(m);
    int start = layout.start(m);
    int lane = laneBits(width);
    if (lane < 64) {
      long sub = bitRange(query, 0, start, width);
      long repeated = 0;
      for (int offset = 0; offset < 64; offset += lane) {
        repeated |= sub << offset;
      }
      return new long[] {repeated};
    }
    int perItem = (width + 63) >>> 6;
    long[] words = new long[perItem];
    for (int t = 0; t < perItem; t++) {
      words[t] = bitRange(query, 0, start + 64 * t, Math.min(64, width - 64 * t));
    }
    return words;
  }

  /**
   * Bits {@code [start, start+width)} (width 1..64) of the code at {@code words[base..]},
   * right-aligned.
   */
  static long bitRange(long[] words, int base, int start, int width) {
    int w = start >>> 6;
    int offset = start & 63;
    long value = words[base + w] >>> offset;
    if (offset + width > 64) {
      value |= words[base + w + 1] << (64 - offset);
    }
    return width == 64 ? value : value & ((1L << width) - 1);
  }
}
