/**
 * The runtime. Every package is exported: {@code netforge.runtime.internal} only because generated models, which
 * live in their users' modules, call it; it is not an API (an architecture test keeps the public packages off it).
 * A module that contains generated models must open their packages to this one, which reads each model's
 * OpenCL program beside its class.
 */
module netforge.runtime {
  requires transitive netforge.annotations;
  requires transitive jocl; // the OpenCL handles in ClDevice; JOCL 2.0.5 names no module, so the jar's name does
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.csv;
  requires org.apache.commons.compress;
  requires me.tongfei.progressbar;
  requires java.net.http;
  requires java.management; // RunLock names the process that holds a run directory
  requires transitive java.desktop; // image files: javax.imageio decodes them, ImageFile hands out a BufferedImage
  requires com.google.protobuf; // ONNX export; protobuf-java 4 names its automatic module so

  exports netforge.runtime;
  exports netforge.runtime.cl;
  exports netforge.runtime.data;
  exports netforge.runtime.eval;
  exports netforge.runtime.image;
  exports netforge.runtime.internal;
  exports netforge.runtime.io;
  exports netforge.runtime.kernel;
  exports netforge.runtime.onnx;
  exports netforge.runtime.spec;
  exports netforge.runtime.train;
  exports netforge.runtime.tuning;
  // netforge.runtime.random (the SplitMix64 mix the data pipeline and DropoutMask share) is the runtime's own.

  // Jackson reads and writes the checkpoint, history and tuning records by reflection.
  opens netforge.runtime.io to com.fasterxml.jackson.databind;
  opens netforge.runtime.train to com.fasterxml.jackson.databind;
  // The classes protoc generates from onnx.proto: not exported (no API), open to protobuf, which reflects on them.
  opens netforge.runtime.onnx.proto to com.google.protobuf;
}
