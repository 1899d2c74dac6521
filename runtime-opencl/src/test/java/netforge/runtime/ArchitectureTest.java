package netforge.runtime;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The runtime's package rules. {@code internal} is for generated code: no other package reaches it, not even for
 * the tunables generated code names ({@code tuning}) or the shared kernels' argument classes it and the GEMM
 * benchmark use ({@code kernel}); those sit below {@code internal}. The OpenCL wrappers ({@code cl}) sit below
 * everything, and no two packages depend on each other.
 */
class ArchitectureTest {
  private static final JavaClasses RUNTIME = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("netforge.runtime");

  @Test
  void publicPackages_doNotDependOnInternal() {
    noClasses().that().resideOutsideOfPackage("netforge.runtime.internal..")
        .should().dependOnClassesThat(resideInAPackage("netforge.runtime.internal.."))
        .because("netforge.runtime.internal is for generated code; users and tools go through public types")
        .check(RUNTIME);
  }

  @Test
  void kernelArguments_dependOnlyOnTheOpenClWrappers() {
    classes().that().resideInAPackage("netforge.runtime.kernel..")
        .should().onlyDependOnClassesThat(resideInAnyPackage("netforge.runtime.kernel..", "netforge.runtime.cl..",
            "java.."))
        .because("generated code and the GEMM benchmark both set the shared kernels' arguments through them")
        .check(RUNTIME);
  }

  @Test
  void openClWrappers_dependOnNothingAboveThem() {
    noClasses().that().resideInAPackage("netforge.runtime.cl..")
        .should().dependOnClassesThat(resideInAnyPackage("netforge.runtime", "netforge.runtime.internal..",
            "netforge.runtime.train..", "netforge.runtime.tuning..", "netforge.runtime.data..",
            "netforge.runtime.spec..", "netforge.runtime.kernel.."))
        .because("Device and the engine are built on the wrappers (through ClDevice), not the other way round")
        .check(RUNTIME);
  }

  @Test
  void packages_formNoCycles() {
    slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(RUNTIME);
  }

  /** One slice per package, the top-level {@code netforge.runtime} included (a plain pattern would skip it). */
  private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String name = javaClass.getPackageName();
      return name.startsWith("netforge.runtime") ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "the packages of netforge.runtime";
    }
  };
}
