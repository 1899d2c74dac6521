/**
 * The example networks and the {@code netforge} command line. The packages of generated models are opened to
 * the runtime, which reads each model's OpenCL program beside its class; the commands to picocli, which fills
 * their options by reflection.
 */
module netforge.examples {
  requires netforge.runtime;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.csv;
  requires java.desktop;
  requires static java.compiler; // @Generated on the generated models

  exports netforge.examples.alexnet;
  exports netforge.examples.inception;
  exports netforge.examples.lenet;
  exports netforge.examples.resnet;
  exports netforge.examples.vgg;

  opens netforge.examples.alexnet to netforge.runtime;
  opens netforge.examples.inception to netforge.runtime;
  opens netforge.examples.lenet to netforge.runtime;
  opens netforge.examples.resnet to netforge.runtime;
  opens netforge.examples.vgg to netforge.runtime;
  opens netforge.examples.cli to info.picocli, com.fasterxml.jackson.databind;
  opens netforge.examples.cli.command to info.picocli;
}
