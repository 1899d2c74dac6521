/**
 * The NetForge DSL: a neural network is an abstract class annotated with {@link netforge.annotations.Network},
 * with one {@link netforge.annotations.Layer} field per layer, in source order.
 *
 * <pre>{@code
 * @Network(input = @Input(channels = 1, height = 227, width = 227), classes = 10)
 * abstract class AlexNet {
 *   @Conv(out = 96, k = 11, s = 4) @ReLU     Layer conv1;
 *   @MaxPool(k = 3, s = 2)                   Layer pool1;
 *   ...
 *   @Dropout(0.5) @Dense(out = 4096) @ReLU   Layer fc6;
 *   @Dense(out = 10)                         Layer fc8;
 * }
 * }</pre>
 *
 * <p>The annotation processor ({@code netforge:processor}) checks every shape at compile time and reports a
 * mistake as a javac error on the offending annotation value. It generates {@code <Name>Model}, a subclass
 * with the inferred shapes as constants, a {@code summary()} table and, when {@code netforge:runtime-opencl}
 * is on the class path, fused OpenCL kernels and the code that runs and trains them.
 *
 * <h2>How the annotations of one field combine</h2>
 * Each field carries exactly one <em>layer</em> annotation ({@link Conv}, {@link Dense}, {@link MaxPool},
 * {@link AvgPool}, {@link AdaptiveAvgPool}, {@link LRN} or {@link Flatten}) and any number of
 * <em>elementwise</em> ones (the activations {@link ReLU}, {@link LeakyReLU}, {@link Tanh}, {@link Sigmoid},
 * {@link GELU}, {@link SiLU}, and {@link Dropout}). They apply in the order they are written:
 * {@code @Dropout(0.5) @Dense(out = 4096) @ReLU} is dropout, then the dense layer, then ReLU — PyTorch's
 * {@code nn.Dropout(), nn.Linear(9216, 4096), nn.ReLU()}. A field may also carry only elementwise
 * annotations; they then apply to the output of the field before it. Elementwise steps are fused into the
 * kernel of the layer that produced their input, so they cost no extra pass over memory. A {@link BatchNorm} may
 * stand alone or follow the field's layer, normalising its output before the elementwise steps after it:
 * {@code @Conv(out = 64, k = 3, bias = false) @BatchNorm @ReLU}.
 */
package netforge.annotations;
