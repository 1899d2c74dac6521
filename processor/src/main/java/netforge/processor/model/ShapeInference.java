package netforge.processor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Flows the input shape through every step in source order, each field starting from the output of the layers it
 * reads ({@link LayerGraph}): source order is a topological order. A field with an unresolved source starts from
 * {@link Shape#ERROR}, and so does a join of shapes that do not fit. A step that cannot produce a shape yields
 * {@link Shape#ERROR}, and every step after it inherits that, so a mistake surfaces once. A step whose weight
 * tensor, or the network's running parameter count, passes its limit ends the flow the same way: the first such
 * step is the one to blame ({@code TooLargeCheck}), and nothing after it is checked against numbers that cannot
 * exist.
 */
public final class ShapeInference {

  private ShapeInference() {}

  public static InferredNetwork infer(NetworkModel model) {
    LayerGraph graph = LayerGraph.of(model.layers());
    List<InferredLayer> layers = new ArrayList<>();
    long networkParameters = 0;
    for (int l = 0; l < model.layers().size(); l++) {
      LayerModel layer = model.layers().get(l);
      List<Shape> sources = new ArrayList<>();
      for (int source : graph.sources(l)) {
        sources.add(source == LayerGraph.NETWORK_INPUT ? model.input() : layers.get(source).out());
      }
      Shape current = !graph.isResolved(l) ? Shape.ERROR : sources.get(0);
      Shape layerIn = current;
      List<InferredOp> ops = new ArrayList<>();
      long params = 0;
      long flops = 0;
      for (int i = 0; i < layer.ops().size(); i++) {
        Op op = layer.ops().get(i);
        Shape out = op instanceof Op.Join join ? ShapeRules.joined(join, sources) : ShapeRules.output(op, current);
        long stepParameters = ShapeRules.parameters(op, current);
        networkParameters = ShapeRules.sum(networkParameters, stepParameters);
        if (ShapeRules.weightCount(op, current) > ShapeRules.MAX_ELEMENTS
            || networkParameters > ShapeRules.MAX_PARAMETERS) {
          out = Shape.ERROR;
        }
        params = ShapeRules.sum(params, stepParameters);
        flops = ShapeRules.sum(flops, ShapeRules.flops(op, current, out));
        ops.add(new InferredOp(l, i, op, current, out));
        current = out;
      }
      layers.add(new InferredLayer(l, layer, layerIn, current, params, flops, ops));
    }
    return new InferredNetwork(model, graph, layers);
  }
}
