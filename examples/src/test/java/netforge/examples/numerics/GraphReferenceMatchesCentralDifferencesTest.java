package netforge.examples.numerics;

import org.junit.jupiter.api.Test;

/**
 * The reference's backward pass through a graph, against central differences of its own loss: adds, a
 * concatenation, and outputs read by several layers, whose gradients the reference sums (a missed or doubled reader
 * changes the gradient of every parameter before it by a term of order 1). Pure double precision, no device.
 */
class GraphReferenceMatchesCentralDifferencesTest {
  @Test
  void graphProbe_gradientsOfParametersAndInput_matchCentralDifferences() {
    PaddingReferenceMatchesCentralDifferencesTest.assertReferenceMatchesCentralDifferences("GraphProbe");
  }
}
