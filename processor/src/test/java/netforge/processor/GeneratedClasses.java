package netforge.processor;

import static javax.tools.StandardLocation.CLASS_OUTPUT;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.tools.JavaFileObject;

/**
 * Loads the classes of a successful compilation (the user's network and what the processor generated) from
 * compile-testing's in-memory CLASS_OUTPUT, so tests can read a generated model's constants by reflection.
 * Everything else, the annotations included, comes from the test's own class path.
 */
public final class GeneratedClasses extends ClassLoader {
  private final Compilation compilation;

  public GeneratedClasses(Compilation compilation) {
    super(GeneratedClasses.class.getClassLoader());
    this.compilation = compilation;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        Optional<JavaFileObject> file = compilation.generatedFile(CLASS_OUTPUT, name.replace('.', '/') + ".class");
        if (file.isEmpty()) {
          return super.loadClass(name, resolve);
        }
        byte[] bytes = read(file.get());
        loaded = defineClass(name, bytes, 0, bytes.length);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  /** Resources the processor wrote to CLASS_OUTPUT (a model's {@code .cl} program), then the test class path's. */
  @Override
  public InputStream getResourceAsStream(String name) {
    Optional<JavaFileObject> file = compilation.generatedFile(CLASS_OUTPUT, name);
    if (file.isPresent()) {
      return new java.io.ByteArrayInputStream(read(file.get()));
    }
    return super.getResourceAsStream(name);
  }

  private static byte[] read(JavaFileObject file) {
    try (InputStream in = file.openInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The class {@code name}, which must be in the compilation's output. */
  public Class<?> load(String name) {
    try {
      Class<?> loaded = loadClass(name);
      if (loaded.getClassLoader() != this) {
        throw new AssertionError(name + " was not compiled by this compilation");
      }
      return loaded;
    } catch (ClassNotFoundException e) {
      throw new AssertionError(name + " was not generated; generated: " + compilation.generatedFiles(), e);
    }
  }

  /** The value of a {@code public static} field of {@code type}, e.g. {@code PARAMETERS}. */
  public static Object constant(Class<?> type, String field) {
    try {
      return type.getField(field).get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(type.getSimpleName() + " has no public static field " + field, e);
    }
  }

  /** The result of a {@code public static} no-argument method of {@code type}, e.g. {@code summary()}. */
  public static Object call(Class<?> type, String method) {
    try {
      return type.getMethod(method).invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(type.getSimpleName() + "." + method + "() failed", e);
    }
  }
}
