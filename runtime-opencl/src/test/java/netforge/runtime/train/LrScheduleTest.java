package netforge.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import netforge.runtime.train.LrSchedule.Clock;
import org.junit.jupiter.api.Test;

/**
 * Schedules against PyTorch 1.13's closed forms ({@code _get_closed_form_lr} of StepLR, CosineAnnealingLR and
 * LinearLR), written out here with the numbers worked by hand.
 */
class LrScheduleTest {
  /** The closed forms are a few double operations; results are compared to one part in 1e15. */
  private static final double EXACT = 1e-15;

  @Test
  void constant_isTheSameEverywhere() {
    LrSchedule schedule = LrSchedule.constant(0.01);
    assertEquals(0.01, schedule.lr(0, 0));
    assertEquals(0.01, schedule.lr(90, 1_000_000));
    assertEquals(0.01, schedule.baseLr());
  }

  @Test
  void stepDecay_multipliesByGammaEveryStepSizeEpochs() {
    // StepLR(step_size=30, gamma=0.1): lr * 0.1^floor(epoch / 30)
    LrSchedule schedule = LrSchedule.stepDecay(0.05, 30, 0.1);
    assertEquals(0.05, schedule.lr(0, 0), EXACT);
    assertEquals(0.05, schedule.lr(29, 12_345), EXACT);
    assertEquals(0.005, schedule.lr(30, 0), EXACT);
    assertEquals(0.0005, schedule.lr(60, 0), EXACT);
    assertEquals(0.0005, schedule.lr(89, 0), EXACT);
  }

  @Test
  void cosine_followsTheClosedForm() {
    // CosineAnnealingLR(T_max=10, eta_min=0.001) from 0.1: eta_min + (lr - eta_min)(1 + cos(pi t / 10)) / 2
    LrSchedule schedule = LrSchedule.cosine(0.1, 10, 0.001);
    assertEquals(0.1, schedule.lr(0, 0), EXACT);
    assertEquals(0.001 + 0.099 * (1 + Math.cos(Math.PI * 3 / 10)) / 2, schedule.lr(3, 0), EXACT);
    assertEquals(0.0505, schedule.lr(5, 0), EXACT); // halfway: the mean of the two ends
    assertEquals(0.001, schedule.lr(10, 0), EXACT);
    // Past T_max the closed form goes on, so the rate climbs back, as PyTorch's does.
    assertEquals(0.0505, schedule.lr(15, 0), EXACT);
  }

  @Test
  void stepClock_readsTheStepCounterInstead() {
    LrSchedule cosine = LrSchedule.cosine(0.1, 1000, 0, Clock.STEP);
    assertEquals(0.05, cosine.lr(7, 500), EXACT);
    LrSchedule decay = LrSchedule.stepDecay(1.0, 100, 0.5, Clock.STEP);
    assertEquals(0.25, decay.lr(0, 250), EXACT);
  }

  @Test
  void warmup_rampsLinearlyOverSteps_thenLeavesTheScheduleAlone() {
    // LinearLR(start_factor=0.1, end_factor=1, total_iters=4) times CosineAnnealingLR(T_max=10) from 0.2
    LrSchedule cosine = LrSchedule.cosine(0.2, 10, 0);
    LrSchedule schedule = cosine.withWarmup(4, 0.1);
    assertEquals(0.2 * 0.1, schedule.lr(0, 0), EXACT);
    assertEquals(0.2 * (0.1 + 0.9 * 1 / 4), schedule.lr(0, 1), EXACT);
    assertEquals(0.2 * (0.1 + 0.9 * 3 / 4), schedule.lr(0, 3), EXACT);
    assertEquals(0.2, schedule.lr(0, 4), EXACT);
    // After the warm-up, the epoch-clocked cosine alone.
    assertEquals(cosine.lr(5, 900), schedule.lr(5, 900), EXACT);
    // During a long warm-up, both apply: epoch 2, step 50 of 100.
    LrSchedule slow = LrSchedule.stepDecay(1.0, 2, 0.5).withWarmup(100, 0.2);
    assertEquals(0.5 * (0.2 + 0.8 * 0.5), slow.lr(2, 50), EXACT);
    assertEquals(0.2, schedule.baseLr());
  }

  @Test
  void invalidSchedules_andNegativeProgress_throw() {
    assertThrows(IllegalArgumentException.class, () -> LrSchedule.constant(-0.1));
    assertThrows(IllegalArgumentException.class, () -> LrSchedule.stepDecay(0.1, 0, 0.1));
    assertThrows(IllegalArgumentException.class, () -> LrSchedule.cosine(0.1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> LrSchedule.constant(0.1).withWarmup(0, 0.1));
    IllegalArgumentException factor = assertThrows(IllegalArgumentException.class,
        () -> LrSchedule.constant(0.1).withWarmup(10, 0));
    assertEquals("warm-up start factor must be in (0, 1], was 0.0", factor.getMessage());
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> LrSchedule.constant(0.1).lr(-1, 0));
    assertEquals("epoch and step count from 0, got epoch -1, step 0", negative.getMessage());
  }
}
