package netforge.runtime.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import netforge.runtime.Loss;
import netforge.runtime.Model;
import netforge.runtime.ModelEngine;
import netforge.runtime.data.Batch;
import netforge.runtime.data.BatchLoader;
import netforge.runtime.data.EpochBatches;
import netforge.runtime.io.NonFiniteValues;
import netforge.runtime.io.SafetensorsException;

/**
 * The epoch loop: shuffled batches (prepared on a background thread while the device computes), one queue
 * submission per step (forward, loss, backward, optimizer update), the tutorial's per-epoch metrics, and after
 * every epoch the history (CSV and JSON), an atomic checkpoint, and the best weights so far. A run with a fixed
 * seed is reproducible, and {@code resume} continues from the last checkpoint bit-exactly. A NaN or infinite loss
 * stops the run with a message naming the step and where the values went non-finite; the last good checkpoint
 * stays on disk. A run can also evaluate every N steps ({@link Builder#evaluateEvery}), for curves by steps seen.
 *
 * <p>Files in the output directory: {@value #HISTORY_CSV}, {@value #HISTORY_JSON}, {@value #STEPS_CSV} (with
 * {@link Builder#evaluateEvery} only), {@value #CHECKPOINT} (the
 * last epoch), {@value #BEST} (weights of the epoch with the best test accuracy) and {@value #FINAL} (weights at
 * the end); {@link Builder#save} keeps fewer.
 */
public final class Trainer {
  public static final String HISTORY_CSV = "history.csv";
  public static final String HISTORY_JSON = "history.json";
  public static final String STEPS_CSV = "steps.csv";
  public static final String CHECKPOINT = "checkpoint.safetensors";
  public static final String BEST = "best.safetensors";
  public static final String FINAL = "model.safetensors";

  private final Model model;
  private final OptimizerConfig optimizer;
  private final LrSchedule schedule;
  private final int epochs;
  private final Path output;
  /** The caller's directory, opened and locked before the run; null when the run opens {@link #output} itself. */
  private final RunDirectory openedOutput;
  private final int patience;
  private final ExistingRun existingRun;
  private final String label;
  private final TrainingProgress progress;
  private final SavedWeights saved;
  /** Whether this trainer has run a step yet: the first compiles the kernels on drivers that do that lazily. */
  private boolean launched;
  private final int evaluateEvery;

  private Trainer(Builder b) {
    this.model = b.model;
    this.optimizer = b.optimizer;
    this.schedule = b.schedule != null ? b.schedule : LrSchedule.constant(b.optimizer.lr());
    this.epochs = b.epochs;
    this.output = b.openedOutput != null ? b.openedOutput.directory() : b.output;
    this.openedOutput = b.openedOutput;
    this.patience = b.patience;
    this.existingRun = b.openedOutput != null ? b.openedOutput.policy() : b.existingRun;
    this.label = b.label != null ? b.label : b.optimizer.kind().userName();
    this.progress = b.progress;
    this.saved = b.saved;
    this.evaluateEvery = b.evaluateEvery;
  }

  public static Builder builder(Model model) {
    return new Builder(model);
  }

  /**
   * Trains on {@code train} and evaluates on {@code test} after every epoch. The loaders' images are checked
   * against the model's input first, then the output directory is locked for the whole run and checked (see
   * {@link RunDirectory#open}): nothing is trained when it cannot be written, another run holds it, or it holds a
   * run that {@link Builder#existingRun} does not allow to touch.
   *
   * @throws netforge.runtime.data.InputShapeMismatchException before anything runs or is written, if a loader's
   *     images are not the model's input shape
   */
  public TrainingResult fit(BatchLoader train, BatchLoader test) throws IOException {
    train.requireInputOf(model.spec());
    test.requireInputOf(model.spec());
    if (output == null || openedOutput != null) {
      return fitIn(train, test);
    }
    try (RunDirectory ignored = RunDirectory.open(output, existingRun)) {
      return fitIn(train, test);
    }
  }

  private TrainingResult fitIn(BatchLoader train, BatchLoader test) throws IOException {
    ModelEngine engine = model.engine();
    try (Optimizer updates = Optimizer.forEngine(engine, optimizer)) {
      History history = new History();
      int resumedFrom = 0;
      Path checkpointFile = output == null ? null : output.resolve(CHECKPOINT);
      if (existingRun.resumes() && checkpointFile != null && Files.exists(checkpointFile)) {
        Checkpoint c = Checkpoint.read(checkpointFile, model.spec());
        requireFinite(c, checkpointFile);
        requireSameRun(c, train, test, engine, checkpointFile);
        model.setParameters(c.parameters());
        model.setState(c.state());
        updates.restore(c.optimizerState(), c.optimizerSteps());
        engine.setStep(c.engineStep());
        history = new History(c.history(), c.steps());
        resumedFrom = c.epoch();
      }
      int sinceBest = epochsSinceBest(history);
      // A checkpoint is written before the patience check, so a run killed in between left the epoch at which it
      // had stopped early: resumed, it must stop there too, or it would end differently from one never killed.
      boolean stoppedEarly = resumedFrom > 0 && resumedFrom < epochs && patienceRanOut(sinceBest);
      for (int epoch = resumedFrom + 1; epoch <= epochs && !stoppedEarly; epoch++) {
        EpochRecord record = trainEpoch(epoch, train, test, engine, updates, history);
        float[] parameters = model.parameters();
        requireFinite(record, parameters, history);
        boolean best = history.best() == null || record.testAccuracy() > history.best().testAccuracy();
        history.add(record);
        sinceBest = best ? 0 : sinceBest + 1;
        // Weights first, history last: a history row always has the checkpoint of its epoch on disk.
        if (output != null && saved.checkpoint()) {
          new Checkpoint(model.spec().name(), epoch, engine.step(), updates.steps(), optimizer.toString(),
              engine.seed(), train.batchSize(), train.imagesPerEpoch(), test.imagesPerEpoch(), train.order(epoch), parameters,
              model.state(), updates.state(), history.epochs(), history.steps())
              .write(checkpointFile, model.spec(), model.getClass().getName());
        }
        if (output != null && saved.best() && best) {
          model.save(output.resolve(BEST));
        }
        if (output != null) {
          history.writeCsv(output.resolve(HISTORY_CSV));
          history.writeJson(output.resolve(HISTORY_JSON));
          if (evaluateEvery > 0) {
            history.writeStepsCsv(output.resolve(STEPS_CSV));
          }
        }
        progress.finished(label, record, epochs);
        stoppedEarly = epoch < epochs && patienceRanOut(sinceBest);
      }
      if (output != null && saved.last()) {
        model.save(output.resolve(FINAL));
      }
      return new TrainingResult(history, stoppedEarly, resumedFrom, output);
    }
  }

  private EpochRecord trainEpoch(int epoch, BatchLoader train, BatchLoader test, ModelEngine engine,
      Optimizer updates, History history) throws IOException {
    long start = System.nanoTime();
    double lossSum = 0;
    int batches = 0;
    int correct = 0;
    int seen = 0;
    double lr = 0;
    // Steps and images of the epochs before this one: a resumed run continues the count where its checkpoint left it.
    int stepsBefore = (epoch - 1) * train.batchesPerEpoch();
    long imagesBefore = (long) (epoch - 1) * train.imagesPerEpoch();
    Window window = new Window();
    long testingNanos = 0; // of the test passes within the epoch: not training time, for the images per second
    try (EpochBatches batchesOfEpoch = train.epoch(epoch);
        TrainingProgress.Epoch view = progress.epoch(label, epoch, epochs, train.imagesPerEpoch())) {
      while (batchesOfEpoch.hasNext()) {
        Batch batch = batchesOfEpoch.next();
        double rate = schedule.lr(epoch - 1, updates.steps());
        lr = rate;
        Loss loss;
        if (launched) {
          loss = engine.trainingStep(batch.inputs(), batch.labels(), () -> updates.step(rate));
        } else {
          long stepStart = System.nanoTime();
          view.firstStep();
          try {
            loss = engine.trainingStep(batch.inputs(), batch.labels(), () -> updates.step(rate));
          } finally { // a failed first step ends the view's line too, before the error is reported
            launched = true;
            view.firstStepDone((System.nanoTime() - stepStart) / 1e9);
          }
        }
        if (!Double.isFinite(loss.mean())) {
          throw nonFinite(loss, epoch, batch, engine, history, rate);
        }
        lossSum += loss.mean();
        batches++;
        correct += loss.correct();
        seen += batch.count();
        window.add(loss, batch.count());
        view.step(batch.count(), lossSum / batches, (double) correct / seen);
        int step = stepsBefore + batches;
        // The epoch's last step gets its point from the epoch's own test pass below, not from a second one.
        if (evaluateEvery > 0 && step % evaluateEvery == 0 && batchesOfEpoch.hasNext()) {
          long testStart = System.nanoTime();
          TestResult tested = test(test, epoch, engine);
          testingNanos += System.nanoTime() - testStart;
          history.add(window.point(step, imagesBefore + seen, epoch, tested));
          window = new Window();
        }
      }
    }
    double trainSeconds = (System.nanoTime() - start - testingNanos) / 1e9;
    TestResult tested = test(test, epoch, engine);
    if (evaluateEvery > 0 && window.batches > 0) {
      history.add(window.point(stepsBefore + batches, imagesBefore + seen, epoch, tested));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new EpochRecord(epoch, lossSum / Math.max(1, batches), (double) correct / Math.max(1, seen),
        tested.loss(), tested.accuracy(), lr, seconds, seen / trainSeconds);
  }

  /** Mean loss and accuracy on the whole test loader, in evaluation mode. */
  private record TestResult(double loss, double accuracy) {}

  private static TestResult test(BatchLoader test, int epoch, ModelEngine engine) {
    double lossSum = 0;
    int correct = 0;
    int tested = 0;
    try (EpochBatches testBatches = test.epoch(epoch)) {
      while (testBatches.hasNext()) {
        Batch batch = testBatches.next();
        Loss loss = engine.evaluate(batch.inputs(), batch.labels());
        lossSum += loss.mean() * batch.count();
        correct += loss.correct();
        tested += batch.count();
      }
    }
    return new TestResult(lossSum / Math.max(1, tested), (double) correct / Math.max(1, tested));
  }

  /** The training steps since the last point by steps: their mean loss and accuracy. */
  private static final class Window {
    private double lossSum;
    private int batches;
    private int correct;
    private int seen;

    void add(Loss loss, int images) {
      lossSum += loss.mean();
      batches++;
      correct += loss.correct();
      seen += images;
    }

    StepRecord point(int step, long images, int epoch, TestResult tested) {
      return new StepRecord(step, images, epoch, lossSum / batches, (double) correct / seen, tested.loss(),
          tested.accuracy());
    }
  }

  private NonFiniteLossException nonFinite(Loss loss, int epoch, Batch batch, ModelEngine engine, History history,
      double rate) {
    String kept = kept(history);
    return new NonFiniteLossException(String.format(Locale.ROOT,
        "training stopped: the loss became %s at epoch %d, step %d of the epoch (training step %d), on a batch of "
            + "%d images;%s%n  %s. Try a lower learning rate (it was %s) or check the input data.",
        Double.isNaN(loss.mean()) ? "NaN" : "infinite", epoch, batch.index() + 1, engine.step(), batch.count(),
        engine.locateNonFinite(batch.count()), kept, rateText(rate)));
  }

  /**
   * An epoch whose test loss or weights are not finite is not a result: it is neither saved nor called best. The
   * training loss of every step was finite, so this is a test set the weights overflow on, or weights that went NaN
   * where a ReLU or max-pool hid it from the loss.
   */
  private void requireFinite(EpochRecord record, float[] parameters, History history) {
    Optional<String> weights = NonFiniteValues.describeFirst(model.spec(), parameters);
    if (weights.isEmpty() && Double.isFinite(record.testLoss())) {
      return;
    }
    String what = weights.map(w -> "the weights are not finite: " + w)
        .orElse("the test loss is " + (Double.isNaN(record.testLoss()) ? "NaN" : "infinite")
            + " (the weights are finite: the test images overflow them)");
    throw new NonFiniteLossException(String.format(Locale.ROOT,
        "training stopped after epoch %d: %s;%n  nothing of epoch %d was saved; %s. Try a lower learning rate or "
            + "check the input data.", record.epoch(), what, record.epoch(), kept(history)));
  }

  /** A checkpoint with NaN in it would only diverge again: resuming it is refused, naming the tensor. */
  private void requireFinite(Checkpoint c, Path file) throws SafetensorsException {
    Optional<String> weights = NonFiniteValues.describeFirst(model.spec(), c.parameters());
    if (weights.isPresent()) {
      throw new SafetensorsException(file, "cannot be resumed: " + weights.get() + ". The run had diverged before "
          + "epoch " + c.epoch() + " was saved; start a new run (--overwrite) with a lower learning rate.");
    }
    for (Map.Entry<String, float[]> state : c.optimizerState().entrySet()) {
      for (float v : state.getValue()) {
        if (!Float.isFinite(v)) {
          throw new SafetensorsException(file, "cannot be resumed: the optimizer state " + Checkpoint.OPTIMIZER_PREFIX
              + state.getKey() + " holds " + v + ". Start a new run (--overwrite) with a lower learning rate.");
        }
      }
    }
  }

  /** What is on disk after a stop: only epochs with finite weights and losses were ever saved. */
  private String kept(History history) {
    if (output == null) {
      return "no checkpoint was written (no output directory was given)";
    } else if (!saved.checkpoint()) {
      return "no checkpoint was written (this run saves " + (saved == SavedWeights.NONE ? "no weights"
          : "only its " + saved.name().toLowerCase(Locale.ROOT) + " weights") + ")";
    } else if (history.isEmpty()) {
      return "no checkpoint was written before it (it happened in the first epoch)";
    }
    return "the last good checkpoint is " + output.resolve(CHECKPOINT) + " (after epoch " + history.last().epoch()
        + "); --resume continues from it";
  }

  /** The step's rate, which is what overflowed; with a schedule it is not the optimizer's base rate. */
  private String rateText(double rate) {
    return rate == optimizer.lr() ? Double.toString(rate)
        : rate + " at that step, from a schedule with base rate " + optimizer.lr();
  }

  private void requireSameRun(Checkpoint c, BatchLoader train, BatchLoader test, ModelEngine engine, Path file) {
    StringBuilder differences = new StringBuilder();
    if (c.batchSize() != train.batchSize()) {
      differences.append(String.format("%n  batch size: checkpoint %d, now %d", c.batchSize(), train.batchSize()));
    }
    if (c.limit() != train.imagesPerEpoch()) {
      differences.append(String.format("%n  training images: checkpoint %d, now %d", c.limit(),
          train.imagesPerEpoch()));
    } else if (c.dataOrder().length > 0 && !Arrays.equals(c.dataOrder(), train.order(c.epoch()))) {
      differences.append(String.format("%n  data order of epoch %d differs: another --seed?", c.epoch()));
    }
    // Epochs measured on other test images would make one history of two incomparable curves.
    if (c.testImages() > 0 && c.testImages() != test.imagesPerEpoch()) {
      differences.append(String.format("%n  test images: checkpoint %d, now %d", c.testImages(),
          test.imagesPerEpoch()));
    }
    if (c.seed() != engine.seed()) {
      differences.append(String.format("%n  model seed: checkpoint %d, now %d", c.seed(), engine.seed()));
    }
    if (!c.optimizer().equals(optimizer.toString())) {
      differences.append(String.format("%n  optimizer: checkpoint %s, now %s", c.optimizer(), optimizer));
    }
    if (c.epoch() > epochs) {
      differences.append(String.format("%n  the checkpoint is after epoch %d, past the %d epochs asked for", c.epoch(),
          epochs));
    }
    if (differences.length() > 0) {
      throw new IllegalArgumentException(file + " was written by a run with other settings; resuming would not "
          + "continue it exactly:" + differences + "\n  use the same settings, or another output directory");
    }
  }

  private boolean patienceRanOut(int epochsSinceBest) {
    return patience > 0 && epochsSinceBest >= patience;
  }

  private static int epochsSinceBest(History history) {
    EpochRecord best = history.best();
    return best == null ? 0 : history.last().epoch() - best.epoch();
  }

  /** The settings of a run. */
  public static final class Builder {
    private final Model model;
    private OptimizerConfig optimizer = OptimizerConfig.tutorial(OptimizerKind.ADAM);
    private LrSchedule schedule;
    private int epochs = 1;
    private Path output;
    private RunDirectory openedOutput;
    private int patience;
    private ExistingRun existingRun = ExistingRun.REFUSE;
    private String label;
    private TrainingProgress progress = TrainingProgress.console(System.out);
    private SavedWeights saved = SavedWeights.ALL;
    private int evaluateEvery;

    private Builder(Model model) {
      this.model = model;
    }

    /** The model this run trains. */
    public Model model() {
      return model;
    }

    public Builder optimizer(OptimizerConfig config) {
      this.optimizer = config.requireComplete();
      return this;
    }

    /** The tutorial's settings for {@code kind}. */
    public Builder optimizer(OptimizerKind kind) {
      return optimizer(OptimizerConfig.tutorial(kind));
    }

    /** Learning rate per step; by default the optimizer's {@code lr} throughout. */
    public Builder schedule(LrSchedule schedule) {
      this.schedule = schedule;
      return this;
    }

    public Builder epochs(int epochs) {
      if (epochs < 1) {
        throw new IllegalArgumentException("epochs must be at least 1, was " + epochs);
      }
      this.epochs = epochs;
      return this;
    }

    /** Where history, checkpoints and weights go; none are written without it. */
    public Builder output(Path directory) {
      this.output = directory;
      this.openedOutput = null;
      return this;
    }

    /**
     * An output directory the caller opened (and so checked and locked) before preparing the run, so that a wrong
     * directory fails before data and device are loaded; its {@link ExistingRun} applies, and the caller closes it.
     */
    public Builder output(RunDirectory directory) {
      this.openedOutput = java.util.Objects.requireNonNull(directory, "directory");
      this.output = null;
      return this;
    }

    /** Stop after {@code epochs} epochs without a better test accuracy; 0 never stops early. */
    public Builder patience(int epochs) {
      if (epochs < 0) {
        throw new IllegalArgumentException("patience must be at least 0, was " + epochs);
      }
      this.patience = epochs;
      return this;
    }

    /**
     * Continue from the output directory's checkpoint when there is one ({@link ExistingRun#RESUME_IF_PRESENT}), or
     * refuse a directory that holds a run ({@link ExistingRun#REFUSE}, the default).
     */
    public Builder resume(boolean resume) {
      return existingRun(resume ? ExistingRun.RESUME_IF_PRESENT : ExistingRun.REFUSE);
    }

    /** What to do with a run already in the output directory; {@link ExistingRun#REFUSE} by default. */
    public Builder existingRun(ExistingRun policy) {
      this.existingRun = java.util.Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The run's name in progress output; by default the optimizer's. */
    public Builder label(String label) {
      this.label = label;
      return this;
    }

    /**
     * Which weights the output directory gets besides the history: by default {@link SavedWeights#ALL} (checkpoint,
     * best and final). Only with the checkpoint can a run be resumed.
     */
    public Builder save(SavedWeights weights) {
      this.saved = Objects.requireNonNull(weights, "weights");
      return this;
    }

    /**
     * Also evaluates on the test loader every {@code steps} training steps (counted from the run's first step, across
     * epochs) and after each epoch's last step, and records each as a {@link StepRecord} in {@link History#steps()}
     * and {@value #STEPS_CSV}; 0, the default, evaluates only after each epoch. The extra test passes change
     * nothing of the training itself: the epochs, weights and checkpoints are the same bits as without them.
     */
    public Builder evaluateEvery(int steps) {
      if (steps < 0) {
        throw new IllegalArgumentException("the evaluation interval must be at least 0 steps, was " + steps);
      }
      this.evaluateEvery = steps;
      return this;
    }

    public Builder progress(TrainingProgress progress) {
      this.progress = progress;
      return this;
    }

    public Trainer build() {
      return new Trainer(this);
    }

    /** Builds and runs in one call. */
    public TrainingResult fit(BatchLoader train, BatchLoader test) throws IOException {
      return build().fit(train, test);
    }
  }
}
