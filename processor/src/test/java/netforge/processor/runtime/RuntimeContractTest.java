package netforge.processor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.palantir.javapoet.ClassName;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import netforge.processor.kernel.BufferName;
import netforge.processor.parse.GeneratedNames;
import netforge.runtime.ModelType;
import netforge.runtime.internal.LaunchSequence;
import org.junit.jupiter.api.Test;

/**
 * What the processor knows of the runtime, checked against the runtime it is built with. Generated code refers to
 * these through {@code $T} and constants, so a drift also fails the examples' compilation; this names it first.
 */
class RuntimeContractTest {

  @Test
  void everyRuntimeTypeName_isARuntimeClass() throws IllegalAccessException {
    List<String> missing = new ArrayList<>();
    for (Field field : RuntimeTypes.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof ClassName name) {
        try {
          Class.forName(name.reflectionName());
        } catch (ClassNotFoundException e) {
          missing.add(field.getName() + " = " + name);
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void runtimeBuffers_areLaunchSequenceConstantsOfTheSameValue() throws ReflectiveOperationException {
    for (BufferName buffer : List.of(BufferName.INPUT, BufferName.LABELS, BufferName.ROW_LOSS,
        BufferName.ROW_PRED)) {
      assertEquals(buffer.name(), LaunchSequence.class.getField(buffer.runtime().name()).get(null));
    }
  }

  @Test
  void modelTypeField_isTheNameTheRuntimeLooksFor() {
    assertEquals(ModelType.FIELD, GeneratedNames.TYPE_FIELD);
  }
}
