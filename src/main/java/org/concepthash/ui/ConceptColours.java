package org.concepthash.ui;

import java.util.ArrayList;
import java.util.List;

/** One colour per concept, the same in overlays, distance bars, sub-code chips and the atlas. */
final class ConceptColours {

  private static final List<String> PALETTE =
      List.of(
          "#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324",
          "#469990", "#808000");

  private ConceptColours() {}

  static String of(int concept) {
    return PALETTE.get(concept % PALETTE.size());
  }

  static List<String> first(int concepts) {
    List<String> out = new ArrayList<>(concepts);
    for (int m = 0; m < concepts; m++) {
      out.add(of(m));
    }
    return out;
  }
}
