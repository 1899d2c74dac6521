package com.example;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import netforge.runtime.Device;
import netforge.runtime.Model;
import netforge.runtime.data.BatchLoader;
import netforge.runtime.data.FashionMnist;
import netforge.runtime.data.ImageSet;
import netforge.runtime.data.Normalize;
import netforge.runtime.data.Split;
import netforge.runtime.data.TransformPipeline;
import netforge.runtime.data.TransformPresets;
import netforge.runtime.train.ExistingRun;
import netforge.runtime.train.OptimizerKind;
import netforge.runtime.train.Trainer;
import netforge.runtime.train.TrainingResult;

/** Trains TinyNet for one short epoch on Fashion-MNIST, saves it, loads it back and checks the two agree. */
public final class Main {
  public static void main(String[] args) throws Exception {
    ImageSet train = FashionMnist.bundledSubset(Split.TRAIN);
    ImageSet test = FashionMnist.bundledSubset(Split.TEST);
    TransformPipeline normalize = TransformPipeline.of(
        new Normalize(TransformPresets.FASHION_MNIST_MEAN, TransformPresets.FASHION_MNIST_STD));
    BatchLoader trainBatches = BatchLoader.over(train).pipeline(normalize).batchSize(64).limit(640).seed(1).build();
    BatchLoader testBatches = BatchLoader.over(test).pipeline(normalize).batchSize(100).shuffle(false).build();

    Path run = Path.of("target", "tinynet-run");
    try (Device device = Device.open()) {
      System.out.println("device: " + device.name());
      System.out.println(TinyNetModel.summary());
      Trainer.Builder training = TinyNetTrainer.on(device, 42).optimizer(OptimizerKind.ADAM).epochs(1)
          .output(run).existingRun(ExistingRun.OVERWRITE);
      try (Model model = training.model()) {
        TrainingResult result = training.fit(trainBatches, testBatches);
        System.out.printf("test accuracy after %d steps: %.2f%%%n", trainBatches.batchesPerEpoch(),
            100 * result.history().last().testAccuracy());

        Path weights = run.resolve("tinynet.safetensors");
        model.save(weights);
        float[] input = testBatches.batch(0, 0).inputs();
        try (TinyNetModel reloaded = TinyNetModel.create(device, 0)) {
          reloaded.load(weights);
          boolean same = Arrays.equals(model.forward(input, 100), reloaded.forward(input, 100));
          System.out.println("saved " + Files.size(weights) + " bytes; reloaded model gives "
              + (same ? "the same" : "DIFFERENT") + " logits");
          System.out.println("first test image: predicted class " + reloaded.predict(input, 100)[0]
              + ", true class " + test.labels()[0]);
          if (!same) {
            System.exit(1);
          }
        }
      }
    }
  }
}
