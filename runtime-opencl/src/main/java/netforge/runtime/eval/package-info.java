/**
 * Measuring a trained network: {@link netforge.runtime.eval.Evaluation#run} passes a test set through a model and
 * returns the accuracy, the mean loss and a {@link netforge.runtime.eval.ConfusionMatrix} with each class's
 * accuracy ({@link netforge.runtime.eval.ClassAccuracy}); {@link netforge.runtime.eval.ConfusionMatrixCsv} writes
 * the matrix for a spreadsheet.
 */
package netforge.runtime.eval;
