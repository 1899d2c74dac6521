package netforge.processor.kernel;

/**
 * One kernel's declaration: its name in the program and its signature. The kernel's OpenCL header and every
 * launch of it come from here.
 */
record Kernel(String name, KernelSignature signature) {

  /** {@code __kernel void name(params) {}: the opening line of the kernel's definition. */
  String header() {
    return "__kernel void " + name + "(" + signature.openCl() + ") {";
  }

  /** Starts a launch of this kernel; bind each argument by parameter name. */
  KernelLaunch launch() {
    return new KernelLaunch(this);
  }
}
