package netforge.runtime;

/** No OpenCL platform or device could be used; the message says what to install and how to check. */
public final class NoOpenClException extends RuntimeException {
  /** The Debian/Ubuntu packages that give a CPU OpenCL driver and the loader JOCL opens. */
  public static final String INSTALL_COMMAND =
      "sudo apt-get install -y ocl-icd-libopencl1 ocl-icd-opencl-dev pocl-opencl-icd clinfo";

  public NoOpenClException(String what, Throwable cause) {
    this(what, "NetForge runs on any OpenCL device; without a GPU driver, PoCL runs it on the CPU:\n    "
        + INSTALL_COMMAND + "\n  then check that 'clinfo -l' lists a device.", cause);
  }

  /** {@code what} went wrong, and {@code fix}, when it is not installing a driver. */
  public NoOpenClException(String what, String fix, Throwable cause) {
    super(what + "\n  " + fix, cause);
  }
}
