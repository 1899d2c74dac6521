package netforge.examples.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, or "development" when run from classes. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = NetforgeCli.class.getPackage().getImplementationVersion();
    return new String[] {"netforge " + (version == null ? "development build" : version),
        "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " "
            + System.getProperty("os.arch")};
  }
}
