package netforge.runtime.kernel;

import netforge.runtime.cl.ClKernel;

/**
 * A kernel with its arguments set by name. Generated code declares one subclass per kernel signature, with a setter
 * per parameter rendered from the processor's declaration of that signature, so the position of each argument is
 * written in one place: the declaration the OpenCL parameter list is rendered from too.
 */
public abstract class KernelArguments {
  /** The kernel whose arguments the setters of the subclass set. */
  protected final ClKernel kernel;

  protected KernelArguments(ClKernel kernel) {
    this.kernel = kernel;
  }

  /** The kernel, for launching once its arguments are set. */
  public final ClKernel kernel() {
    return kernel;
  }
}
