package netforge.runtime;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Objects;
import netforge.runtime.cl.ProgramSource;
import netforge.runtime.spec.NetworkSpec;

/**
 * A generated model class as a value: its network's spec and summary, and a factory for models on a device. Every
 * {@code <Network>Model} generated with the runtime on the class path has one as {@code TYPE}
 * ({@code TinyNetModel.TYPE}), so that a tool can take a network by its class name ({@link #forName}) and run it
 * without knowing it at compile time: the command line's {@code --network com.example.TinyNet}.
 *
 * @param <M> the generated model class
 */
public final class ModelType<M extends Model> {
  /** The name of the generated constant that holds a model class's type. */
  public static final String FIELD = "TYPE";
  /** What the processor appends to a network's class name to name its model class. */
  public static final String MODEL_SUFFIX = "Model";

  /** How a generated model class creates a model on a device: its {@code create(device, seed)}. */
  @FunctionalInterface
  public interface Factory<M extends Model> {
    M create(Device device, long seed);
  }

  private final Class<M> modelClass;
  private final NetworkSpec spec;
  private final String summary;
  private final Factory<M> factory;

  /** For generated code: {@code new ModelType<>(TinyNetModel.class, SPEC, SUMMARY, TinyNetModel::create)}. */
  public ModelType(Class<M> modelClass, NetworkSpec spec, String summary, Factory<M> factory) {
    this.modelClass = Objects.requireNonNull(modelClass, "modelClass");
    this.spec = Objects.requireNonNull(spec, "spec");
    this.summary = Objects.requireNonNull(summary, "summary");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /**
   * The model type of a network found by name: the network's class ({@code com.example.TinyNet}) or its generated
   * model class ({@code com.example.TinyNetModel}), loaded with {@code loader}.
   *
   * @throws IllegalArgumentException naming the class and what is wrong: found nowhere on the class path, not a
   *     NetForge network, or generated without the runtime (so it cannot run)
   */
  public static ModelType<?> forName(String className, ClassLoader loader) {
    Class<?> named = load(className, loader);
    if (named == null) {
      throw new IllegalArgumentException("no class " + className + " on the class path; add the directory or jar "
          + "that holds it and its generated " + className + MODEL_SUFFIX + " (e.g. --classpath target/classes)");
    }
    Class<?> generated = load(className + MODEL_SUFFIX, loader); // the network's class was named
    Class<?> modelClass = generated != null ? generated : named;
    if (!Model.class.isAssignableFrom(modelClass)) {
      boolean describesOnly = hasField(modelClass, "SUMMARY") || hasField(modelClass, "PARAMETERS");
      throw new IllegalArgumentException(describesOnly
          ? modelClass.getName() + " was generated with only netforge:dsl-annotations on the class path, so it "
              + "describes the network but cannot run it; compile it with netforge:runtime-opencl as a dependency"
          : className + " is not a NetForge network: neither it nor " + className + MODEL_SUFFIX
              + " is a model generated from an @Network class");
    }
    try {
      Field field = modelClass.getField(FIELD);
      if (!Modifier.isStatic(field.getModifiers()) || field.getType() != ModelType.class) {
        throw new NoSuchFieldException(FIELD);
      }
      return (ModelType<?>) field.get(null);
    } catch (NoSuchFieldException e) {
      throw new IllegalArgumentException(modelClass.getName() + " has no " + FIELD + " constant: it was generated "
          + "by an older NetForge processor; rebuild it with this one", e);
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException(modelClass.getName() + "." + FIELD + " cannot be read: its module must "
          + "open " + modelClass.getPackageName() + " to netforge.runtime", e);
    }
  }

  /** The class, or null when there is none of that name; a class that is there but cannot be loaded is an error. */
  private static Class<?> load(String className, ClassLoader loader) {
    try {
      return Class.forName(className, true, loader);
    } catch (ClassNotFoundException e) {
      return null;
    } catch (LinkageError e) { // a class it needs is missing, or its static initialiser failed
      throw new IllegalArgumentException(className + " is on the class path but cannot be loaded: " + e
          + "; is every class it needs on the class path?", e);
    }
  }

  private static boolean hasField(Class<?> cls, String name) {
    try {
      cls.getField(name);
      return true;
    } catch (NoSuchFieldException e) {
      return false;
    }
  }

  public Class<M> modelClass() {
    return modelClass;
  }

  /** The network as the processor inferred it. */
  public NetworkSpec spec() {
    return spec;
  }

  /** The per-layer table the processor computed at compile time. */
  public String summary() {
    return summary;
  }

  /** A new model on {@code device}, its parameters initialised reproducibly from {@code seed}. */
  public M create(Device device, long seed) {
    return factory.create(device, seed);
  }

  /** The network's generated OpenCL program, as the processor wrote it next to the model class. */
  public String programSource() {
    return ProgramSource.besides(modelClass, modelClass.getSimpleName() + ".cl");
  }

  @Override
  public String toString() {
    return modelClass.getName();
  }
}
