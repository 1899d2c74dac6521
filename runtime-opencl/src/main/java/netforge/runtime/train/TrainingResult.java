package netforge.runtime.train;

import java.nio.file.Path;

/**
 * How a run ended: its history, why it stopped, and where its files are.
 *
 * @param stoppedEarly whether early stopping ended it before its last epoch
 * @param resumedFrom the epoch a resumed run continued after, or 0
 * @param output the directory with history, checkpoint and weights, or null when none was given
 */
public record TrainingResult(History history, boolean stoppedEarly, int resumedFrom, Path output) {}
