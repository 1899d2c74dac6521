package netforge.processor.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Assigns every activation's gradient to a gradient buffer by liveness, as a register allocator would. A gradient is
 * born when the first of its readers runs backward (the loss, for the logits) and dies once its producer's backward
 * has read it; a newly born gradient takes the first buffer that holds no live one. In a chain this alternates two
 * buffers, {@code gradA} and {@code gradB}, as it always has; a residual network needs one more per open branch.
 */
final class GradientPlanner {
  private final List<BufferName> buffers = new ArrayList<>();
  private final List<Long> sizes = new ArrayList<>();
  private final List<Boolean> busy = new ArrayList<>();
  /** Activation to the gradient buffer holding its live gradient. */
  private final Map<BufferName, Integer> live = new HashMap<>();

  private GradientPlanner() {
    // the two a chain alternates, always present: the loss writes gradA; gradB is at least one element
    add(KernelPlan.GRAD_A, 0);
    add(KernelPlan.GRAD_B, 1);
  }

  /** The backward steps of {@code stages}, last stage first, and the gradient buffers with their sizes. */
  static Result plan(List<Stage> stages, List<StageKernels> kernels, BufferName logits, long classes) {
    GradientPlanner planner = new GradientPlanner();
    planner.born(logits, classes);
    List<BackwardStep> steps = new ArrayList<>();
    for (int i = stages.size() - 1; i >= 0; i--) {
      Stage stage = stages.get(i);
      if (!stage.needsBackward()) {
        continue;
      }
      Integer in = planner.live.get(stage.output());
      if (in == null) {
        throw new IllegalStateException(stage.layer() + ": stage " + stage.index() + " runs backward, but no reader"
            + " wrote the gradient of its output");
      }
      planner.grow(in, stage.out().size());
      boolean canAdd = kernels.get(i).addsToInputGradients();
      List<InputGradient> targets = new ArrayList<>();
      List<BackwardStep.GradientSum> sums = new ArrayList<>();
      List<Integer> temporaries = new ArrayList<>();
      for (StageInput input : stage.inputs()) {
        if (!input.needsGradient()) {
          targets.add(null);
          continue;
        }
        Integer existing = planner.live.get(input.buffer());
        if (existing == null) {
          targets.add(new InputGradient(planner.buffers.get(planner.born(input.buffer(), input.shape().size())), false));
        } else if (canAdd) {
          planner.grow(existing, input.shape().size());
          targets.add(new InputGradient(planner.buffers.get(existing), true));
        } else {
          int temporary = planner.take(input.shape().size());
          temporaries.add(temporary);
          targets.add(new InputGradient(planner.buffers.get(temporary), false));
          sums.add(new BackwardStep.GradientSum(planner.buffers.get(temporary), planner.buffers.get(existing),
              input.shape().size()));
        }
      }
      steps.add(new BackwardStep(stage, planner.buffers.get(in), targets, sums));
      temporaries.forEach(t -> planner.busy.set(t, false));
      planner.busy.set(in, false);
      planner.live.remove(stage.output());
    }
    Map<BufferName, Long> sized = new LinkedHashMap<>();
    for (int b = 0; b < planner.buffers.size(); b++) {
      sized.put(planner.buffers.get(b), planner.sizes.get(b));
    }
    return new Result(steps, sized);
  }

  /** The backward steps, last stage first, and each gradient buffer's elements per image, in name order. */
  record Result(List<BackwardStep> steps, Map<BufferName, Long> buffers) {}

  private int born(BufferName activation, long elements) {
    int b = take(elements);
    live.put(activation, b);
    return b;
  }

  /** The first buffer holding nothing live, grown to {@code elements}; a new one when all are busy. */
  private int take(long elements) {
    int free = firstWhere(b -> !busy.get(b));
    if (free < 0) {
      free = buffers.size();
      add(BufferName.planned(free < 26 ? "grad" + (char) ('A' + free) : "grad" + free), 0);
    }
    busy.set(free, true);
    grow(free, elements);
    return free;
  }

  private int firstWhere(IntPredicate test) {
    for (int b = 0; b < buffers.size(); b++) {
      if (test.test(b)) {
        return b;
      }
    }
    return -1;
  }

  private void add(BufferName name, long elements) {
    buffers.add(name);
    sizes.add(elements);
    busy.add(false);
  }

  private void grow(int buffer, long elements) {
    sizes.set(buffer, Math.max(sizes.get(buffer), elements));
  }
}
