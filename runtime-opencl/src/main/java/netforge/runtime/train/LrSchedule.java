package netforge.runtime.train;

/**
 * The learning rate for each optimizer step, as the closed forms of PyTorch 1.13's {@code torch.optim.lr_scheduler}
 * give it (no recursion, so a resumed run gets the same rates without replaying the schedule).
 *
 * <h2>Which clock</h2>
 * {@link #lr(long, long)} is asked once per optimizer step with two counters, both starting at 0: the epoch the step
 * belongs to and the step's number over the whole run. Each schedule reads one of them:
 * <ul>
 *   <li>{@link #stepDecay} and {@link #cosine} read the <b>epoch</b> by default ({@link Clock#EPOCH}), as when
 *       PyTorch's {@code scheduler.step()} is called once at the end of each epoch: epoch {@code e} gets the rate
 *       PyTorch's scheduler has after {@code e} calls, its {@code last_epoch = e}. {@code step_size} and
 *       {@code T_max} then count epochs. Pass {@link Clock#STEP} to read the step counter instead (PyTorch's
 *       {@code scheduler.step()} after every batch), and they count steps.</li>
 *   <li>{@link #withWarmup} always reads the <b>step</b>: the warm-up lasts a number of optimizer steps, whatever
 *       the epoch length.</li>
 * </ul>
 */
public sealed interface LrSchedule {

  /** Which counter a schedule reads. */
  enum Clock { EPOCH, STEP }

  /** The learning rate for step {@code step} (0-based, over the run) taken during epoch {@code epoch} (0-based). */
  double lr(long epoch, long step);

  /** The rate the schedule starts from, PyTorch's {@code base_lr}. */
  double baseLr();

  /** {@code lr} throughout. */
  static LrSchedule constant(double lr) {
    return new Constant(lr);
  }

  /** {@code StepLR}: {@code lr * gamma^floor(epoch / stepSize)}, per epoch. */
  static LrSchedule stepDecay(double lr, long stepSize, double gamma) {
    return new StepDecay(lr, stepSize, gamma, Clock.EPOCH);
  }

  static LrSchedule stepDecay(double lr, long stepSize, double gamma, Clock clock) {
    return new StepDecay(lr, stepSize, gamma, clock);
  }

  /**
   * {@code CosineAnnealingLR}'s closed form: {@code etaMin + (lr - etaMin) * (1 + cos(pi * t / tMax)) / 2}, per
   * epoch. As in PyTorch, past {@code tMax} the cosine goes on and the rate climbs again.
   */
  static LrSchedule cosine(double lr, long tMax, double etaMin) {
    return new CosineAnnealing(lr, tMax, etaMin, Clock.EPOCH);
  }

  static LrSchedule cosine(double lr, long tMax, double etaMin, Clock clock) {
    return new CosineAnnealing(lr, tMax, etaMin, clock);
  }

  /**
   * This schedule multiplied by a linear warm-up over the first {@code steps} optimizer steps: {@code LinearLR} with
   * {@code start_factor = startFactor}, {@code end_factor = 1}, {@code total_iters = steps}, stepped every batch.
   * Step 0 gets {@code startFactor}, step {@code steps} and later the full rate.
   */
  default LrSchedule withWarmup(long steps, double startFactor) {
    return new LinearWarmup(this, steps, startFactor);
  }

  private static void requireRate(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a number >= 0, was " + value);
    }
  }

  private static void requireProgress(long epoch, long step) {
    if (epoch < 0 || step < 0) {
      throw new IllegalArgumentException("epoch and step count from 0, got epoch " + epoch + ", step " + step);
    }
  }

  private static long read(Clock clock, long epoch, long step) {
    requireProgress(epoch, step);
    return clock == Clock.EPOCH ? epoch : step;
  }

  record Constant(double baseLr) implements LrSchedule {
    public Constant {
      requireRate("lr", baseLr);
    }

    @Override
    public double lr(long epoch, long step) {
      requireProgress(epoch, step);
      return baseLr;
    }
  }

  record StepDecay(double baseLr, long stepSize, double gamma, Clock clock) implements LrSchedule {
    public StepDecay {
      requireRate("lr", baseLr);
      requireRate("gamma", gamma);
      if (stepSize < 1) {
        throw new IllegalArgumentException("step_size must be at least 1, was " + stepSize);
      }
    }

    @Override
    public double lr(long epoch, long step) {
      return baseLr * Math.pow(gamma, Math.floorDiv(read(clock, epoch, step), stepSize));
    }
  }

  record CosineAnnealing(double baseLr, long tMax, double etaMin, Clock clock) implements LrSchedule {
    public CosineAnnealing {
      requireRate("lr", baseLr);
      requireRate("eta_min", etaMin);
      if (tMax < 1) {
        throw new IllegalArgumentException("T_max must be at least 1, was " + tMax);
      }
    }

    @Override
    public double lr(long epoch, long step) {
      long t = read(clock, epoch, step);
      return etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * t / tMax)) / 2;
    }
  }

  record LinearWarmup(LrSchedule base, long steps, double startFactor) implements LrSchedule {
    public LinearWarmup {
      if (base == null) {
        throw new IllegalArgumentException("a warm-up needs a schedule to warm up");
      }
      if (steps < 1) {
        throw new IllegalArgumentException("warm-up must last at least 1 step, was " + steps);
      }
      // LinearLR's own check.
      if (!(startFactor > 0 && startFactor <= 1)) {
        throw new IllegalArgumentException("warm-up start factor must be in (0, 1], was " + startFactor);
      }
    }

    @Override
    public double lr(long epoch, long step) {
      double factor = startFactor + (1 - startFactor) * Math.min(step, steps) / steps;
      return factor * base.lr(epoch, step);
    }

    @Override
    public double baseLr() {
      return base.baseLr();
    }
  }
}
