package netforge.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import netforge.runtime.Device;
import netforge.runtime.Model;
import netforge.runtime.ModelType;
import netforge.runtime.ParameterInit;
import netforge.runtime.data.BatchLoader;
import netforge.runtime.data.Dataset;
import netforge.runtime.data.DatasetLocator;
import netforge.runtime.data.Split;
import netforge.runtime.io.Safetensors;
import netforge.runtime.io.SafetensorsFile;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.train.Trainer;
import netforge.runtime.train.TrainingProgress;
import netforge.runtime.testing.OpenCl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Networks that are not among the examples, named by class: the test sources' {@code DropoutLeNet} stands for a
 * user's network on the class path. (A network in a directory given by {@code --classpath} is exercised by the
 * consumer project in {@code src/it}, which runs the built jar on its own classes.)
 */
class UserNetworksTest {
  private static final String NETWORK = "netforge.examples.training.DropoutLeNet";

  @TempDir
  Path directory;

  @Test
  void summary_ofANetworkByItsClassName_orItsModelClassName() {
    for (String name : new String[] {NETWORK, NETWORK + "Model"}) {
      CliRun run = CliRun.of("summary", name);
      assertEquals(ExitCodes.OK, run.exitCode(), run.transcript());
      assertTrue(run.out().startsWith("DropoutLeNet: input [1, 28, 28], 10 classes"), run.out());
      assertTrue(run.out().contains("Total parameters: 61,706"), run.out());
    }
  }

  @Test
  void aClassNameFoundNowhere_isAUsageErrorThatSaysWhereToLook() {
    CliRun run = CliRun.of("summary", "com.example.Missing");
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("no class com.example.Missing on the class path"), run.err());
    assertTrue(run.err().contains("--classpath"), run.err());
  }

  @Test
  void aClassThatIsNoNetwork_isAUsageErrorNamingIt() {
    CliRun run = CliRun.of("summary", "java.lang.String");
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("java.lang.String is not a NetForge network"), run.err());
  }

  @Test
  void aShortNameThatIsNoExample_listsTheExamples() {
    CliRun run = CliRun.of("summary", "resnet");
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("unknown network 'resnet'; choose one of [alexnet, alexnet-cifar,"), run.err());
  }

  @Test
  void aClassPathEntryThatDoesNotExist_isAUsageErrorNamingIt() {
    Path missing = directory.resolve("no-such-classes");
    CliRun run = CliRun.of("summary", "--classpath", missing.toString(), NETWORK);
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("--classpath " + missing + ": no such directory or jar"), run.err());
  }

  @Test
  void anExampleNamedByItsClass_keepsItsShortName() {
    NetworkChoice lenet = NetworkChoice.parse("netforge.examples.lenet.LeNet5Model", getClass().getClassLoader());
    assertEquals("lenet5", lenet.id());
    assertEquals(ExampleNetwork.LENET5.type(), lenet.type());
  }

  @Test
  void modelType_isFoundByEitherName_andIsTheGeneratedConstant() {
    ModelType<?> type = ModelType.forName(NETWORK, getClass().getClassLoader());
    assertEquals(NETWORK + "Model", type.modelClass().getName());
    assertEquals("DropoutLeNet", type.spec().name());
    assertEquals(type, ModelType.forName(NETWORK + "Model", getClass().getClassLoader()));
  }

  @Test
  @NeedsOpenCl
  void evaluate_withoutNetwork_takesTheModelClassTheWeightsFileRecords() throws Exception {
    Path weights = directory.resolve("dropout-lenet.safetensors");
    ModelType<?> type = ModelType.forName(NETWORK, getClass().getClassLoader());
    try (Device device = OpenCl.open(); Model model = type.create(device, 3)) {
      model.save(weights);
    }
    assertEquals(NETWORK + "Model", SafetensorsFile.readMetadata(weights).get(Safetensors.MODEL_CLASS_KEY));

    CliRun run = CliRun.of("evaluate", "--weights", weights.toString(), "--offline", "--limit", "100");
    assertEquals(ExitCodes.OK, run.exitCode(), run.transcript());
    assertTrue(run.out().contains("Evaluating DropoutLeNet with the weights " + weights), run.out());
  }

  @Test
  @NeedsOpenCl
  void evaluate_ofACheckpoint_withoutNetwork_takesTheModelClassItRecords() throws Exception {
    Path run = directory.resolve("run");
    ModelType<?> type = ModelType.forName(NETWORK, getClass().getClassLoader());
    Dataset fashion = Dataset.fashionMnist(DatasetLocator.builder().downloadsOff("this test is offline").build(),
        notice -> { });
    BatchLoader train = BatchLoader.over(fashion.load(Split.TRAIN)).pipeline(fashion.pipeline(type.spec(), true))
        .batchSize(32).limit(64).build();
    BatchLoader test = BatchLoader.over(fashion.load(Split.TEST)).pipeline(fashion.pipeline(type.spec(), false))
        .batchSize(32).limit(32).shuffle(false).build();
    try (Device device = OpenCl.open(); Model model = type.create(device, 5)) {
      Trainer.builder(model).epochs(1).output(run).progress(TrainingProgress.silent()).fit(train, test);
    }
    Path checkpoint = run.resolve(Trainer.CHECKPOINT);
    assertEquals(NETWORK + "Model", SafetensorsFile.readMetadata(checkpoint).get(Safetensors.MODEL_CLASS_KEY));

    CliRun evaluation = CliRun.of("evaluate", "--weights", checkpoint.toString(), "--offline", "--limit", "50");
    assertEquals(ExitCodes.OK, evaluation.exitCode(), evaluation.transcript());
    assertTrue(evaluation.out().contains("Evaluating DropoutLeNet with the weights " + checkpoint), evaluation.out());
  }

  @Test
  void evaluate_withoutNetwork_onAFileThatNamesNone_asksForIt() throws Exception {
    Path weights = directory.resolve("from-pytorch.safetensors");
    ModelType<?> type = ModelType.forName(NETWORK, getClass().getClassLoader());
    float[] values = ParameterInit.pytorchDefault(type.spec(), 1);
    var writer = SafetensorsFile.writer().metadata("format", "pt"); // what PyTorch's save_file writes
    for (var p : type.spec().parameters()) {
      float[] tensor = java.util.Arrays.copyOfRange(values, (int) p.offset(), (int) (p.offset() + p.size()));
      writer.floats(p.name(), tensor, java.util.Arrays.stream(p.shape()).asLongStream().toArray());
    }
    writer.write(weights);
    assertEquals(Map.of("format", "pt"), SafetensorsFile.readMetadata(weights));

    CliRun run = CliRun.of("evaluate", "--weights", weights.toString(), "--offline", "--limit", "100");
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("--weights " + weights + " does not say which network it holds"), run.err());
  }
}
