package org.concepthash.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

  @Test
  void referenceScheduleWarmsUpLinearlyThenFollowsTheCosine() {
    LearningRateSchedule s = new LearningRateSchedule(1e-3, 100, 10);
    assertEquals(1e-4, s.lr(1), 1e-12);
    assertEquals(1e-3, s.lr(10), 1e-12);
    assertEquals(1e-3 * 0.5 * (1 + Math.cos(Math.PI / 91)), s.lr(11), 1e-12);
    assertEquals(1e-3 * 0.5 * (1 + Math.cos(Math.PI * 90 / 91)), s.lr(100), 1e-12);
  }

  @Test
  void withoutWarmUpTheFirstEpochIsAlreadyOnTheCosine() {
    LearningRateSchedule s = new LearningRateSchedule(0.1, 4, 0);
    assertEquals(0.1 * 0.5 * (1 + Math.cos(Math.PI / 5)), s.lr(1), 1e-12);
  }
}
