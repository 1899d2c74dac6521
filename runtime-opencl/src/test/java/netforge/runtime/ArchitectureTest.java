package netforge.runtime;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import netforge.runtime.internal.SharedKernelArguments;
import netforge.runtime.internal.Tunables;
import netforge.runtime.tuning.GemmBenchmark;
import org.junit.jupiter.api.Test;

/**
 * The runtime's package rules. {@code internal} is for generated code: the public packages reach it only for
 * {@link Tunables}, which the generated {@code create(device, seed, tunables)} names (the processor decides where
 * it lives), and the GEMM benchmark for the shared kernels' argument classes. The OpenCL wrappers ({@code cl}) sit below everything, and no two packages depend on each other.
 */
class ArchitectureTest {
  private static final JavaClasses RUNTIME = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("netforge.runtime");

  @Test
  void publicPackages_doNotDependOnInternal_butForTheTunablesGeneratedCodeNames() {
    noClasses().that().resideOutsideOfPackage("netforge.runtime.internal..")
        .and().doNotHaveFullyQualifiedName(GemmBenchmark.class.getName())
        .should().dependOnClassesThat(resideInAPackage("netforge.runtime.internal..")
            .and(not(equivalentTo(Tunables.class))))
        .because("netforge.runtime.internal is for generated code; users and tools go through public types")
        .check(RUNTIME);
    // The one exception: the tuner's GEMM benchmark times the kernels generated code launches, bound through the
    // very argument classes generated code uses, so that both stay one declaration.
    noClasses().that().haveFullyQualifiedName(GemmBenchmark.class.getName())
        .should().dependOnClassesThat(resideInAPackage("netforge.runtime.internal..")
            .and(not(equivalentTo(Tunables.class)))
            .and(not(equivalentTo(SharedKernelArguments.class)))
            .and(not(resideInAPackage("netforge.runtime.internal..").and(
                com.tngtech.archunit.base.DescribedPredicate.describe("nested in SharedKernelArguments",
                    c -> c.getName().startsWith(SharedKernelArguments.class.getName() + "$"))))))
        .check(RUNTIME);
  }

  @Test
  void openClWrappers_dependOnNothingAboveThem() {
    noClasses().that().resideInAPackage("netforge.runtime.cl..")
        .should().dependOnClassesThat(resideInAnyPackage("netforge.runtime", "netforge.runtime.internal..",
            "netforge.runtime.train..", "netforge.runtime.tuning..", "netforge.runtime.data..",
            "netforge.runtime.spec.."))
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
