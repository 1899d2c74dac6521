/**
 * Kernels whose arguments are set by name, not by position: the base class of every generated argument class, the
 * arguments the launcher ({@code netforge.runtime.internal.Pass}) sets itself, and the argument classes of the
 * kernels every generated program shares. Generated models use them, and so does the GEMM benchmark of
 * {@code netforge.runtime.tuning}, which times the very kernel generated code launches; that is why they sit here,
 * below both, and not in {@code internal}. Like {@code internal}, this package is plumbing for generated code, not
 * an API to program against: it is exported because generated models live in their users' modules.
 */
package netforge.runtime.kernel;
