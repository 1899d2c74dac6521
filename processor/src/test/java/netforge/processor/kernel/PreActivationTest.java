package netforge.processor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import netforge.processor.model.Op;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which epilogues the backward pass can differentiate from the stored output alone: an epilogue that needs its
 * input but does not keep it gets wrong gradients, one that keeps it needlessly costs a buffer the size of the
 * activation (and for ReLU and dropout alone would change every existing program).
 */
class PreActivationTest {
  private static final Op RELU = new Op.Relu();
  private static final Op DROPOUT = new Op.Dropout(0.5);
  private static final Op TANH = new Op.Tanh();
  private static final Op SIGMOID = new Op.Sigmoid();
  private static final Op GELU = new Op.Gelu();
  private static final Op SILU = new Op.Silu();
  private static final Op LEAKY = new Op.LeakyRelu(0.01);

  static Stream<Arguments> epilogues() {
    return Stream.of(
        arguments(List.of(), false),
        arguments(List.of(RELU), false),
        arguments(List.of(RELU, DROPOUT), false),             // the stored output's sign is the ReLU's
        arguments(List.of(DROPOUT, RELU, RELU), false),
        arguments(List.of(TANH), false),                      // 1 - y^2 of the stored output
        arguments(List.of(SIGMOID), false),                   // y (1 - y)
        arguments(List.of(LEAKY), false),                     // y > 0 exactly when x > 0
        arguments(List.of(TANH, RELU), false),                // where a gradient passes the ReLU, y is tanh's output
        arguments(List.of(SIGMOID, RELU), false),
        arguments(List.of(LEAKY, RELU), false),               // only signs are needed, and the ReLU keeps them
        arguments(List.of(LEAKY, TANH), false),               // tanh keeps the sign of the leaky ReLU's output
        arguments(List.of(TANH, DROPOUT), true),              // dropout scales the output tanh's derivative needs
        arguments(List.of(SIGMOID, DROPOUT), true),
        arguments(List.of(TANH, LEAKY), true),                // y / slope is not tanh's output
        arguments(List.of(RELU, SIGMOID), true),              // every sigmoid output is positive: the sign is gone
        arguments(List.of(LEAKY, SIGMOID), true),
        arguments(List.of(GELU), true),
        arguments(List.of(SILU), true),
        arguments(List.of(GELU, DROPOUT), true),
        arguments(List.of(new Op.LeakyRelu(0)), true),        // output 0 for every x <= 0
        arguments(List.of(new Op.LeakyRelu(-0.5)), true));    // a positive output from either side
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("epilogues")
  void needed_exactlyWhereTheStoredOutputDoesNotDetermineTheDerivatives(List<Op> epilogue, boolean needed) {
    assertEquals(needed, PreActivation.needed(epilogue));
  }
}
