package netforge.processor.check;

import netforge.processor.diag.Report;
import netforge.processor.model.InferredNetwork;

/** One rule over an inferred network. Rules skip steps whose input is {@code Shape.ERROR}: no cascades. */
public interface NetworkCheck {
  void check(InferredNetwork network, Report report);
}
