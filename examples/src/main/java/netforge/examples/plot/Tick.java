package netforge.examples.plot;

/** A labelled position on an axis. */
public record Tick(double value, String label) {}
