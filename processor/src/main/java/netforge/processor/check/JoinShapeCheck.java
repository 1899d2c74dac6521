package netforge.processor.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netforge.processor.diag.Diagnostic;
import netforge.processor.diag.Message;
import netforge.processor.diag.Message.Hint;
import netforge.processor.diag.Report;
import netforge.processor.diag.ShapeTrace;
import netforge.processor.diag.Site;
import netforge.processor.model.InferredLayer;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.LayerGraph;
import netforge.processor.model.Op;
import netforge.processor.model.Shape;
import netforge.processor.model.ShapeRules;

/**
 * The inputs of a join fit: an {@code @Add} of one shape, a {@code @Concat} of one height and width (or of vectors).
 * The error is on the first name whose shape does not fit the first input's, with both branches' traces, and for an
 * add the 1x1 projection that would make them fit where one can.
 */
final class JoinShapeCheck implements NetworkCheck {
  @Override
  public void check(InferredNetwork network, Report report) {
    LayerGraph graph = network.graph();
    for (InferredLayer layer : network.layers()) {
      if (layer.layer().ops().isEmpty() || !(layer.layer().ops().get(0) instanceof Op.Join join)
          || !graph.isResolved(layer.index()) || join.layers().size() < 2) {
        continue;
      }
      List<Integer> sources = graph.sources(layer.index());
      List<Shape> shapes = sources.stream().map(network::outputOf).toList();
      if (shapes.stream().anyMatch(Shape::isError)) {
        continue; // reported where it went wrong
      }
      Shape first = shapes.get(0);
      for (int e = 1; e < shapes.size(); e++) {
        Shape other = shapes.get(e);
        boolean fits = join instanceof Op.Add ? other.equals(first)
            : other.kind() == first.kind() && other.height() == first.height() && other.width() == first.width();
        if (!fits) {
          report.add(mismatch(network, layer, join, sources, e));
          break;
        }
      }
    }
  }

  private static Diagnostic mismatch(InferredNetwork network, InferredLayer layer, Op.Join join, List<Integer> sources,
      int e) {
    String a = join.layers().get(0);
    String b = join.layers().get(e);
    Shape first = network.outputOf(sources.get(0));
    Shape other = network.outputOf(sources.get(e));
    List<String> details = new ArrayList<>(ShapeTrace.branch(network, sources.get(0)));
    details.addAll(ShapeTrace.branch(network, sources.get(e)));
    Site site = Site.annotation(layer.index(), 0, "value");
    if (join instanceof Op.Add) {
      details.add(projection(b, other, first).or(() -> projection(a, first, other))
          .orElse(Hint.ADD_SAME_SHAPE.format()));
      return new Diagnostic(Message.ADD_SHAPE_MISMATCH, site,
          Message.ADD_SHAPE_MISMATCH.format(layer.name(), a, first, b, other), details);
    }
    boolean sameKind = other.kind() == first.kind();
    details.add(sameKind ? Hint.CONCAT_SAME_SIZE.format(first.plane(), b) : Hint.CONCAT_SAME_KIND.format());
    return new Diagnostic(Message.CONCAT_SHAPE_MISMATCH, site, Message.CONCAT_SHAPE_MISMATCH.format(layer.name(), a,
        first, b, other, sameKind ? "whose heights and widths differ" : "a vector and a spatial tensor"), details);
  }

  /** The 1x1 convolution that takes {@code from}'s output to {@code to}, when one stride fits both axes. */
  private static Optional<String> projection(String name, Shape from, Shape to) {
    if (!from.isSpatial() || !to.isSpatial() || from.height() < to.height()) {
      return Optional.empty();
    }
    int stride = Math.max(1, (from.height() + to.height() - 1) / to.height());
    if (ShapeRules.windowOutput(from.height(), 1, stride, 0) != to.height()
        || ShapeRules.windowOutput(from.width(), 1, stride, 0) != to.width()) {
      return Optional.empty();
    }
    return Optional.of(Hint.ADD_PROJECTION.format(name, to, stride, name, to.channels(), stride, name));
  }
}
