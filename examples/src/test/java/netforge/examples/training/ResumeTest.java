package netforge.examples.training;

import static netforge.examples.training.SameBits.assertSameBits;
import static netforge.examples.training.SameBits.assertSameMetrics;
import static netforge.examples.training.SameBits.assertSameState;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import netforge.examples.alexnet.AlexNetCifarModel;
import netforge.examples.cli.DatasetChoice;
import netforge.examples.lenet.LeNet5Model;
import netforge.runtime.Device;
import netforge.runtime.Model;
import netforge.runtime.data.BatchLoader;
import netforge.runtime.io.SafetensorsException;
import netforge.runtime.spec.NetworkState;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenCl;
import netforge.runtime.train.Checkpoint;
import netforge.runtime.train.History;
import netforge.runtime.train.OptimizerConfig;
import netforge.runtime.train.OptimizerKind;
import netforge.runtime.train.Trainer;
import netforge.runtime.train.TrainingProgress;
import netforge.runtime.train.TrainingResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run stopped after an epoch and resumed from its checkpoint by a new trainer and a new model ends bit for bit
 * where the same run without a stop ends; and a checkpoint is only resumed by the run that wrote it.
 */
@NeedsOpenCl
class ResumeTest {
  private static final int IMAGES = 512;
  private static final int TEST_IMAGES = 200;
  private static final int BATCH = 64;
  private static final long MODEL_SEED = 11;
  private static final long DATA_SEED = 12;
  private static final int ALEXNET_IMAGES = 256;
  private static final int ALEXNET_TEST_IMAGES = 64;

  private static Device device;
  /** A one-epoch LeNet-5 run with Adam, for the refusal tests (which must leave it untouched). */
  @TempDir
  static Path leNetRun;
  private static byte[] leNetCheckpoint;
  private static Map<String, byte[]> leNetFiles;

  @BeforeAll
  static void writeLeNetCheckpoint() throws IOException {
    device = OpenCl.open();
    try (Model model = LeNet5Model.create(device, MODEL_SEED)) {
      trainer(model, OptimizerConfig.tutorial(OptimizerKind.ADAM), 1, leNetRun, false)
          .fit(FashionSubset.train(IMAGES, BATCH, DATA_SEED), FashionSubset.test(TEST_IMAGES, BATCH));
    }
    leNetCheckpoint = Files.readAllBytes(leNetRun.resolve(Trainer.CHECKPOINT));
    leNetFiles = contents(leNetRun);
  }

  @AfterAll
  static void closeDevice() {
    if (device != null) {
      device.close();
    }
  }

  /**
   * Adam keeps two moments per parameter and a step count (its bias correction), NAG a momentum buffer, and the
   * dropout masks depend on the engine's step: a resume that lost any of them would change epoch 2.
   */
  @ParameterizedTest
  @EnumSource(value = OptimizerKind.class, names = {"ADAM", "NAG"})
  void resumedRun_endsBitForBitLikeAnUninterruptedOne(OptimizerKind kind, @TempDir Path straight,
      @TempDir Path stopped) throws IOException {
    assertResumeIsBitExact(DropoutLeNetModel::create, DropoutLeNetModel.SPEC, OptimizerConfig.tutorial(kind),
        () -> train(BATCH, DATA_SEED), ResumeTest::test, straight, stopped);
  }

  /**
   * BatchNorm's running statistics and step counts move every training step and decide every test pass: a resume that
   * lost them (or restored only the weights) would test epoch 2 with other statistics. SGD with momentum, as
   * BatchNorm networks are usually trained.
   */
  @Test
  void batchNormNetwork_resumedRun_endsBitForBitLikeAnUninterruptedOne(@TempDir Path straight, @TempDir Path stopped)
      throws IOException {
    assertResumeIsBitExact(BatchNormLeNetModel::create, BatchNormLeNetModel.SPEC,
        OptimizerConfig.tutorial(OptimizerKind.NAG), () -> train(BATCH, DATA_SEED), ResumeTest::test, straight,
        stopped);
    Checkpoint resumed = Checkpoint.read(stopped.resolve(Trainer.CHECKPOINT), BatchNormLeNetModel.SPEC);
    long steps = 2L * IMAGES / BATCH;
    assertArrayEquals(new long[] {steps, steps, steps}, resumed.state().counters(),
        "every BatchNorm counted every training step of both epochs");
  }

  /**
   * The tutorial's CIFAR AlexNet (dropout before fc6 and fc7, 57 million parameters) on 256 images resized to 3x32x32,
   * with Adam: the real network, its fused dropout kernels and a 0.7 GB checkpoint. About 40 s here.
   */
  @Test
  void alexNetCifar_resumedRun_endsBitForBitLikeAnUninterruptedOne(@TempDir Path straight, @TempDir Path stopped)
      throws IOException {
    int[] input = AlexNetCifarModel.SPEC.inputShape();
    Supplier<BatchLoader> train = () -> BatchLoader.over(FashionSubset.trainImages())
        .pipeline(DatasetChoice.FASHION_MNIST.pipeline(input, true)).batchSize(BATCH).seed(DATA_SEED)
        .limit(ALEXNET_IMAGES).build();
    Supplier<BatchLoader> test = () -> BatchLoader.over(FashionSubset.testImages())
        .pipeline(DatasetChoice.FASHION_MNIST.pipeline(input, false)).batchSize(BATCH).shuffle(false)
        .limit(ALEXNET_TEST_IMAGES).build();
    assertResumeIsBitExact(AlexNetCifarModel::create, AlexNetCifarModel.SPEC,
        OptimizerConfig.tutorial(OptimizerKind.ADAM), train, test, straight, stopped);
  }

  /**
   * Trains 2 epochs in {@code straight}; 1 epoch in {@code stopped}, then 1 more there with a new model and trainer
   * resuming; and compares weights, optimizer state, step counters and histories bit for bit.
   */
  private static void assertResumeIsBitExact(BiFunction<Device, Long, Model> create, NetworkSpec spec,
      OptimizerConfig optimizer, Supplier<BatchLoader> train, Supplier<BatchLoader> test, Path straight,
      Path stopped) throws IOException {
    TrainingResult uninterrupted;
    float[] uninterruptedWeights;
    NetworkState uninterruptedState;
    try (Model model = create.apply(device, MODEL_SEED)) {
      uninterrupted = trainer(model, optimizer, 2, straight, false).fit(train.get(), test.get());
      uninterruptedWeights = model.parameters();
      uninterruptedState = model.state();
    }
    try (Model model = create.apply(device, MODEL_SEED)) {
      trainer(model, optimizer, 1, stopped, false).fit(train.get(), test.get());
    }
    TrainingResult resumed;
    float[] resumedWeights;
    NetworkState resumedState;
    try (Model model = create.apply(device, MODEL_SEED)) {
      resumed = trainer(model, optimizer, 2, stopped, true).fit(train.get(), test.get());
      resumedWeights = model.parameters();
      resumedState = model.state();
    }

    assertEquals(1, resumed.resumedFrom(), "the second run must continue after epoch 1, not start over");
    assertSameBits("weights after epoch 2", uninterruptedWeights, resumedWeights);
    assertSameBits("running statistics after epoch 2", uninterruptedState.values(), resumedState.values());
    assertArrayEquals(uninterruptedState.counters(), resumedState.counters(), "BatchNorm step counts after epoch 2");
    assertSameMetrics(uninterrupted.history().epochs(), resumed.history().epochs());
    Checkpoint a = Checkpoint.read(straight.resolve(Trainer.CHECKPOINT), spec);
    Checkpoint b = Checkpoint.read(stopped.resolve(Trainer.CHECKPOINT), spec);
    assertSameState(optimizer.kind().userName() + " state after epoch 2", a.optimizerState(), b.optimizerState());
    assertSameBits("checkpointed running statistics", a.state().values(), b.state().values());
    assertArrayEquals(a.state().counters(), b.state().counters(), "checkpointed BatchNorm step counts");
    assertEquals(a.optimizerSteps(), b.optimizerSteps(), "optimizer steps");
    assertEquals(a.engineStep(), b.engineStep(), "engine step (the dropout key)");
    assertSameMetrics(uninterrupted.history().epochs(),
        History.readJson(stopped.resolve(Trainer.HISTORY_JSON)).epochs());
  }

  @Test
  void resume_withAnotherBatchSize_isRefusedNamingBoth() throws IOException {
    IllegalArgumentException e = refusedLeNetResume(OptimizerConfig.tutorial(OptimizerKind.ADAM), MODEL_SEED,
        train(32, DATA_SEED));
    assertTrue(e.getMessage().contains("batch size: checkpoint 64, now 32"), e.getMessage());
  }

  @Test
  void resume_withAnotherDataSeed_isRefusedNamingTheDataOrder() throws IOException {
    IllegalArgumentException e = refusedLeNetResume(OptimizerConfig.tutorial(OptimizerKind.ADAM), MODEL_SEED,
        train(BATCH, DATA_SEED + 1));
    assertTrue(e.getMessage().contains("data order of epoch 1 differs"), e.getMessage());
  }

  @Test
  void resume_withAnotherModelSeed_isRefusedNamingBoth() throws IOException {
    IllegalArgumentException e = refusedLeNetResume(OptimizerConfig.tutorial(OptimizerKind.ADAM), MODEL_SEED + 1,
        train(BATCH, DATA_SEED));
    assertTrue(e.getMessage().contains("model seed: checkpoint 11, now 12"), e.getMessage());
  }

  @Test
  void resume_withAnotherOptimizer_isRefusedNamingBoth() throws IOException {
    OptimizerConfig adamW = OptimizerConfig.tutorial(OptimizerKind.ADAMW);
    IllegalArgumentException e = refusedLeNetResume(adamW, MODEL_SEED, train(BATCH, DATA_SEED));
    assertTrue(e.getMessage().contains("optimizer: checkpoint " + OptimizerConfig.tutorial(OptimizerKind.ADAM)
        + ", now " + adamW), e.getMessage());
  }

  /** Same kind, other learning rate: the optimizer's whole configuration is compared, not only its name. */
  @Test
  void resume_withAnotherLearningRate_isRefused() throws IOException {
    OptimizerConfig faster = OptimizerConfig.tutorial(OptimizerKind.ADAM).withLr(0.01);
    IllegalArgumentException e = refusedLeNetResume(faster, MODEL_SEED, train(BATCH, DATA_SEED));
    assertTrue(e.getMessage().contains("lr=0.01"), e.getMessage());
  }

  @Test
  void resume_withEverythingDifferent_listsEveryDifference() throws IOException {
    IllegalArgumentException e = refusedLeNetResume(OptimizerConfig.tutorial(OptimizerKind.NAG), MODEL_SEED + 1,
        train(32, DATA_SEED));
    for (String difference : new String[] {"batch size", "model seed", "optimizer"}) {
      assertTrue(e.getMessage().contains(difference), difference + " missing from: " + e.getMessage());
    }
  }

  /** DropoutLeNet's parameters have LeNet-5's names and shapes: only the network's name can catch this. */
  @Test
  void resume_ofAnotherNetworksCheckpoint_isRefusedNamingBoth() throws IOException {
    try (Model model = DropoutLeNetModel.create(device, MODEL_SEED)) {
      Trainer trainer = trainer(model, OptimizerConfig.tutorial(OptimizerKind.ADAM), 2, leNetRun, true);
      SafetensorsException e = assertThrows(SafetensorsException.class,
          () -> trainer.fit(train(BATCH, DATA_SEED), test()));
      assertTrue(e.getMessage().contains("is a checkpoint of LeNet5, not of DropoutLeNet"), e.getMessage());
    }
    assertLeNetRunUntouched();
  }

  /** The same settings are accepted: the refusals above are about the differences, not about resuming at all. */
  @Test
  void resume_withTheSameSettings_isAccepted(@TempDir Path copy) throws IOException {
    Files.write(copy.resolve(Trainer.CHECKPOINT), leNetCheckpoint);
    try (Model model = LeNet5Model.create(device, MODEL_SEED)) {
      TrainingResult result = trainer(model, OptimizerConfig.tutorial(OptimizerKind.ADAM), 1, copy, true)
          .fit(train(BATCH, DATA_SEED), test());
      assertEquals(1, result.resumedFrom());
      assertEquals(1, result.history().epochs().size(), "nothing left to train after epoch 1 of 1");
    }
  }

  private static IllegalArgumentException refusedLeNetResume(OptimizerConfig optimizer, long modelSeed,
      BatchLoader train) throws IOException {
    IllegalArgumentException e;
    try (Model model = LeNet5Model.create(device, modelSeed)) {
      Trainer trainer = trainer(model, optimizer, 2, leNetRun, true);
      e = assertThrows(IllegalArgumentException.class, () -> trainer.fit(train, test()));
    }
    assertTrue(e.getMessage().contains("was written by a run with other settings"), e.getMessage());
    assertLeNetRunUntouched();
    return e;
  }

  private static void assertLeNetRunUntouched() throws IOException {
    Map<String, byte[]> now = contents(leNetRun);
    assertEquals(leNetFiles.keySet(), now.keySet(), "a refused resume must not add or remove files");
    leNetFiles.forEach((name, bytes) -> assertArrayEquals(bytes, now.get(name),
        "a refused resume must leave " + name + " as it was"));
  }

  private static Map<String, byte[]> contents(Path directory) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(directory)) {
      for (Path file : (Iterable<Path>) list::iterator) {
        files.put(file.getFileName().toString(), Files.readAllBytes(file));
      }
    }
    return files;
  }

  private static BatchLoader train(int batch, long seed) {
    return FashionSubset.train(IMAGES, batch, seed);
  }

  private static BatchLoader test() {
    return FashionSubset.test(TEST_IMAGES, BATCH);
  }

  private static Trainer trainer(Model model, OptimizerConfig optimizer, int epochs, Path output, boolean resume) {
    return Trainer.builder(model).optimizer(optimizer).epochs(epochs).output(output).resume(resume)
        .progress(TrainingProgress.silent()).build();
  }
}
