/**
 * The annotation processor. It works from the processor path (found through META-INF/services) and from the
 * processor module path (through {@code provides}); it never needs the runtime, only looks for it by name.
 */
module netforge.processor {
  requires java.compiler;
  requires jdk.compiler; // com.sun.source: the javac trees that give diagnostics their exact positions
  requires netforge.annotations;
  requires com.palantir.javapoet;
  requires static com.google.auto.service;

  provides javax.annotation.processing.Processor with netforge.processor.NetworkProcessor;
}
