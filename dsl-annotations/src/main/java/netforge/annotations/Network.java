package netforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a neural network: the annotated class lists its layers as {@link Layer} fields, in source order.
 *
 * <p>Rules the processor enforces (each a javac error with the code in brackets):
 * <ul>
 *   <li>the annotated type is an abstract, non-generic, non-private class, top-level or {@code static}
 *       nested, with a non-private constructor taking no arguments, and no abstract methods
 *       {@code [nn.NotAbstractClass]};</li>
 *   <li>every {@code @Input} dimension and {@code classes} are at least 1 {@code [nn.NonPositiveParameter]};</li>
 *   <li>it has at least one layer field {@code [nn.NoLayers]};</li>
 *   <li>the last layer produces a vector of exactly {@code classes} scores {@code [nn.ClassesMismatch]}.</li>
 * </ul>
 * The processor generates {@code <Name>Model extends <Name>}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Network {
  /** The shape of one input image. */
  Input input();

  /** Number of classes; the last layer must produce exactly this many scores. At least 1. */
  int classes();
}
