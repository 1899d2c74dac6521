package netforge.processor.parse;

import netforge.processor.diag.Report;
import netforge.processor.model.NetworkModel;

/**
 * What parsing one {@code @Network} gave: the model (null when the structure is too broken to build one: a field
 * without a layer, with two, or of another type; the shape checks then wait for the fix), where
 * each part came from, and the structural diagnostics. {@code javacErrors} means an annotation value javac
 * could not evaluate: javac has reported it already, so the network is skipped without a second message.
 */
public record ParsedNetwork(NetworkModel model, SourceMap sources, Report report, boolean javacErrors) {}
