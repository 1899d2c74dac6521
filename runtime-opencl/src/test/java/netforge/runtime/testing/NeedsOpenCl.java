package netforge.runtime.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks tests that need an OpenCL device, as the JUnit tag {@value #TAG}: {@code -Dgroups=opencl} runs only them,
 * {@code -DexcludedGroups=opencl} only the pure ones.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(NeedsOpenCl.TAG)
public @interface NeedsOpenCl {
  String TAG = "opencl";
}
