package org.concepthash.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concepthash.model.NativeScalar;

/**
 * The ConceptHash objective (Eq. 5) as a weighted sum, L = sum_t w_t L_t. A term with weight 0 is
 * not computed at all, which is how the Table 4 ablation switches terms off.
 */
public final class CompositeLoss {

  /** A term with its weight. */
  public record Weighted(LossTerm term, double weight) {
    public Weighted {
      if (!(weight >= 0)) {
        throw new IllegalArgumentException(
            "loss weight of " + term.name() + " must be >= 0, was " + weight);
      }
    }
  }

  private final List<Weighted> terms;

  public CompositeLoss(List<Weighted> terms) {
    this.terms = List.copyOf(terms);
    if (this.terms.stream().allMatch(t -> t.weight() == 0)) {
      throw new IllegalArgumentException("at least one loss weight must be positive");
    }
  }

  public LossBreakdown compute(LossInputs inputs) {
    Map<String, Float> values = new LinkedHashMap<>();
    NDArray total = null;
    for (Weighted w : terms) {
      if (w.weight() == 0) {
        continue;
      }
      NDArray value = w.term().compute(inputs);
      values.put(w.term().name(), value.toType(DataType.FLOAT32, false).getFloat());
      NDArray weighted = value.mul(NativeScalar.like(value, w.weight()));
      total = total == null ? weighted : total.add(weighted);
    }
    return new LossBreakdown(total, values);
  }
}
