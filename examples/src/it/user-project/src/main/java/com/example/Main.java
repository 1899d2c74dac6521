package com.example;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import netforge.runtime.Device;
import netforge.runtime.Logits;
import netforge.runtime.TopClasses;
import netforge.runtime.TopClasses.ClassProbability;
import netforge.runtime.data.BatchLoader;
import netforge.runtime.data.Dataset;
import netforge.runtime.data.FloatImage;
import netforge.runtime.data.ImageSet;
import netforge.runtime.data.Split;
import netforge.runtime.eval.ClassAccuracy;
import netforge.runtime.eval.Evaluation;
import netforge.runtime.train.ExistingRun;
import netforge.runtime.train.OptimizerKind;

/**
 * Trains TinyNet for one short epoch on Fashion-MNIST, evaluates it, saves it, loads it back, predicts the class of
 * a PNG file, and exports it to ONNX.
 */
public final class Main {
  public static void main(String[] args) throws Exception {
    // Debian's package, the download cache or a download; else the subset bundled with NetForge (it says so).
    Dataset fashion = Dataset.fashionMnist();
    ImageSet train = fashion.load(Split.TRAIN);
    ImageSet test = fashion.load(Split.TEST);
    BatchLoader trainBatches = BatchLoader.over(train).pipeline(fashion.pipeline(TinyNetModel.SPEC, true))
        .batchSize(64).limit(640).seed(1).build();
    BatchLoader testBatches = BatchLoader.over(test).pipeline(fashion.pipeline(TinyNetModel.SPEC, false))
        .batchSize(100).limit(1000).shuffle(false).build();

    Path run = Path.of("target", "tinynet-run");
    try (Device device = Device.open(); TinyNetModel model = TinyNetModel.create(device, 42)) {
      System.out.println("device: " + device.name());
      System.out.println(TinyNetModel.summary());
      TinyNetTrainer.on(model).optimizer(OptimizerKind.ADAM).epochs(1).output(run)
          .existingRun(ExistingRun.OVERWRITE).fit(trainBatches, testBatches);

      Evaluation evaluation = Evaluation.run(model, testBatches);
      System.out.printf("test accuracy after %d steps: %.2f%%%n", trainBatches.batchesPerEpoch(),
          100 * evaluation.accuracy());
      for (ClassAccuracy c : evaluation.perClass()) {
        System.out.printf("  %-12s %6.2f%%%n", c.name(), 100 * c.accuracy());
      }

      Path weights = run.resolve("tinynet.safetensors");
      model.save(weights);
      float[] batch = testBatches.batch(0, 0).inputs();
      try (TinyNetModel reloaded = TinyNetModel.create(device, 0)) {
        reloaded.load(weights);
        boolean same = Arrays.equals(model.forward(batch, 100), reloaded.forward(batch, 100));
        System.out.println("saved " + Files.size(weights) + " bytes; reloaded model gives "
            + (same ? "the same" : "DIFFERENT") + " logits");
        if (!same) {
          System.exit(1);
        }
      }

      // A picture file, as a user would bring one: here the first test image, written as a PNG.
      Path png = run.resolve("first-test-image.png");
      ImageIO.write(greyImage(test, 0), "png", png.toFile());
      FloatImage input = fashion.imageInput(TinyNetModel.SPEC).read(png);
      float[] logits = model.forward(input.values(), 1);
      ClassProbability best = TopClasses.of(Logits.softmax(logits, 0, TinyNetModel.CLASSES),
          fashion.classNames(), 1).get(0);
      System.out.printf("%s: %s (%.1f%%); it is a %s%n", png, best.name(), 100 * best.probability(),
          fashion.classNames().get(test.labels()[0]));

      Path onnx = run.resolve("tinynet.onnx"); // for ONNX Runtime, Netron, ...: input "input", output "logits"
      model.exportOnnx(onnx);
      System.out.println("exported " + onnx + " (" + Files.size(onnx) + " bytes)");
    }
  }

  private static BufferedImage greyImage(ImageSet images, int index) {
    BufferedImage image = new BufferedImage(images.width(), images.height(), BufferedImage.TYPE_BYTE_GRAY);
    int size = images.width() * images.height();
    image.getRaster().setDataElements(0, 0, images.width(), images.height(),
        Arrays.copyOfRange(images.pixels(), index * size, (index + 1) * size));
    return image;
  }
}
