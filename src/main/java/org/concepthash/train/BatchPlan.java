package org.concepthash.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The batches of one epoch: a shuffle seeded by (run seed, epoch), cut into full batches; the
 * incomplete remainder is dropped (as the reference's drop_last). The same seed and epoch always
 * give the same batches, which is what makes a resumed run repeat an interrupted epoch exactly.
 */
public final class BatchPlan {

  private BatchPlan() {}

  /** Batches of indices into a list of {@code size} items. */
  public static List<int[]> epoch(int size, int batchSize, long seed, int epoch) {
    List<Integer> order = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(RunSeeds.mix(seed, epoch, 0)));
    List<int[]> batches = new ArrayList<>();
    for (int start = 0; start + batchSize <= size; start += batchSize) {
      int[] batch = new int[batchSize];
      for (int j = 0; j < batchSize; j++) {
        batch[j] = order.get(start + j);
      }
      batches.add(batch);
    }
    return batches;
  }
}
