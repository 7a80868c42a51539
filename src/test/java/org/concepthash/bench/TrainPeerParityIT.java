package org.concepthash.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PyTorch peer trains the same network with the same losses and optimiser: on a micro geometry
 * without dropout, its first-step losses and gradient norm and its loss after every step equal
 * ours. Needs /usr/bin/python3 with torch (Debian python3-torch); skipped where it is missing
 * (.ci/run installs it).
 */
class TrainPeerParityIT {

  private static final String PYTHON = "/usr/bin/python3";

  @Test
  void thePeerTakesTheSameStepsAsOurTrainer() throws Exception {
    String missing = TorchPeer.unavailableReason(PYTHON);
    assumeTrue(missing == null, "no PyTorch peer: " + missing);
    List<String> lines = new ArrayList<>();
    List<TrainCase> cases =
        new TrainBenchmark(
                new TrainBenchmark.Options(List.of("micro"), 4, 1, 0, 4, 5, PYTHON, true),
                System.err)
            .run(lines::add);
    assertEquals(1, lines.size());
    assertTrue(lines.get(0).startsWith("{\"case\":\"micro/batch4\""), lines.get(0));
    TrainCase c = cases.get(0);
    assertEquals(6, c.oursFirst().size(), "clf, quan, cd, csd, total, norm: " + c.oursFirst());
    assertTrue(c.firstStepDeviation() < 1e-4, lines.get(0));
    assertTrue(c.trajectoryDeviation() < 1e-3, lines.get(0));
    assertTrue(c.ours().ms() > 0 && c.torch().ms() > 0, lines.get(0));
  }
}
