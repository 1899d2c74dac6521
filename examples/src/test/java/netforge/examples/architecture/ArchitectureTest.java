package netforge.examples.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The CLI is a user of the library like any other: it reaches the runtime through public types only. The
 * generated {@code *Model} classes are the one place that may use {@code netforge.runtime.internal}.
 */
class ArchitectureTest {
  private static final JavaClasses EXAMPLES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("netforge.examples");

  @Test
  void handWrittenCode_doesNotDependOnInternal() {
    // the generated models, <Net>Model and its nested Launches and argument classes, are the exception
    noClasses().that().haveNameNotMatching(".*Model(\\$.*)?")
        .should().dependOnClassesThat(resideInAPackage("netforge.runtime.internal.."))
        .because("netforge.runtime.internal is for generated code")
        .check(EXAMPLES);
  }
}
