package org.concepthash.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.concepthash.model.ConceptHashConfig;
import org.junit.jupiter.api.Test;

class FlopCountTest {

  /*
   * The tiny geometry by hand: S = 64, p = 8, P = 64, D = 128, L = 4, MLP 512, M = 4, T = 69, adapter R = 32,
   * K/M = 8.
   *   patch convolution        2 * 64 * 192 * 128              =  3,145,728
   *   one full layer (69 rows) q 2,260,992 + k,v 4,521,984 + scores/values 2,437,632 + out 2,260,992
   *                            + MLP 18,087,936 + adapters 2,260,992     = 31,830,528
   *   last layer, 4 rows       q 131,072 + k,v 4,521,984 + scores/values 141,312 + out 131,072
   *                            + MLP 1,048,576 + adapters 131,072        =  6,105,088
   *   hash projection          2 * 4 * 128 * 8                 =      8,192
   */
  @Test
  void tinyForwardMatchesTheHandCount() {
    ConceptHashConfig tiny = ConceptHashConfig.tiny();
    assertEquals(3_145_728L + 4 * 31_830_528L + 8_192L, FlopCount.trainingForward(tiny));
    assertEquals(
        3_145_728L + 3 * 31_830_528L + 6_105_088L + 8_192L, FlopCount.exportedForward(tiny));
  }

  /**
   * CLIP ViT-B/32 alone is about 4.4 G multiply-adds (8.7 GFLOP); adapters (+1.5 GFLOP) and the 4
   * tokens in every layer but the last add the rest.
   */
  @Test
  void vitB32IsAboutTenPointThreeGflopPerImage() {
    long flops = FlopCount.exportedForward(ConceptHashConfig.vitB32());
    assertEquals(10.3e9, flops, 0.1e9, "exported ViT-B/32 forward FLOPs: " + flops);
  }
}
