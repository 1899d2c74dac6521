package netforge.runtime.io;

import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.NetworkState;

/**
 * What a weights file holds for a network: its parameters, flat in the layout of {@link NetworkSpec#parameters()},
 * and its non-trainable state ({@link NetworkSpec#state()}: BatchNorm's running statistics and step counts;
 * {@link NetworkState#NONE} for a network without them).
 */
public record Weights(float[] parameters, NetworkState state) {}
