package netforge.processor.runtime;

import com.palantir.javapoet.ClassName;

/**
 * Every type of {@code runtime-opencl} that generated code names, in one place. The processor cannot link against
 * the runtime (it runs inside javac, where the runtime need not be on the processor path), so these are names;
 * generated code refers to them through {@code $T}, and so fails to compile when one is wrong, and
 * {@code RuntimeContractTest} loads each against the runtime the processor is built with.
 */
public final class RuntimeTypes {
  private static final String RUNTIME = "netforge.runtime";
  private static final String INTERNAL = "netforge.runtime.internal";
  private static final String KERNEL = "netforge.runtime.kernel";

  public static final ClassName MODEL = ClassName.get(RUNTIME, "Model");
  public static final ClassName DEVICE = ClassName.get(RUNTIME, "Device");
  public static final ClassName MODEL_TYPE = ClassName.get(RUNTIME, "ModelType");
  public static final ClassName CL_KERNEL = ClassName.get("netforge.runtime.cl", "ClKernel");
  public static final ClassName CL_BUFFER = ClassName.get("netforge.runtime.cl", "ClBuffer");
  public static final ClassName NETWORK_SPEC = ClassName.get("netforge.runtime.spec", "NetworkSpec");
  public static final ClassName LAYER_SPEC = ClassName.get("netforge.runtime.spec", "LayerSpec");
  public static final ClassName OP_SPEC = ClassName.get("netforge.runtime.spec", "OpSpec");
  public static final ClassName PARAM_SPEC = ClassName.get("netforge.runtime.spec", "ParamSpec");
  public static final ClassName STATE_SPEC = ClassName.get("netforge.runtime.spec", "StateSpec");
  public static final ClassName TRAINER = ClassName.get("netforge.runtime.train", "Trainer");
  public static final ClassName TUNABLES = ClassName.get("netforge.runtime.tuning", "Tunables");

  public static final ClassName ENGINE = ClassName.get(INTERNAL, "Engine");
  public static final ClassName PASS = ClassName.get(INTERNAL, "Pass");
  public static final ClassName LAUNCH_SEQUENCE = ClassName.get(INTERNAL, "LaunchSequence");

  public static final ClassName KERNEL_ARGUMENTS = ClassName.get(KERNEL, "KernelArguments");
  public static final ClassName GEMM_ARGUMENTS = ClassName.get(KERNEL, "GemmArguments");
  public static final ClassName ROW_PACK_ARGUMENTS = ClassName.get(KERNEL, "RowPackArguments");
  public static final ClassName COLUMN_PACK_ARGUMENTS = ClassName.get(KERNEL, "ColumnPackArguments");
  /** Argument setters of the kernels every program shares; rendered from {@code SharedKernels}' declarations. */
  public static final ClassName SHARED_KERNEL_ARGUMENTS = ClassName.get(KERNEL, "SharedKernelArguments");

  /** The names of the buffers the runtime itself reads or writes: constants of {@code LaunchSequence}. */
  public enum RuntimeBuffer {
    INPUT, LABELS, ROW_LOSS, ROW_PRED
  }

  private RuntimeTypes() {}
}
