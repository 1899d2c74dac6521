package netforge.processor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import netforge.processor.kernel.PlannedBuffer;
import netforge.processor.kernel.ScratchUse;
import org.junit.jupiter.api.Test;

/**
 * The processor's stages in one direction: {@code parse} reads the source into the {@code model}, {@code check}
 * judges it, {@code kernel} plans and renders the OpenCL, {@code codegen} writes the Java from the plan, and the
 * {@code NetworkProcessor} at the top runs them in that order. No stage reaches back into a later one.
 */
class ArchitectureTest {
  private static final JavaClasses PROCESSOR = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("netforge.processor");

  @Test
  void packages_formNoCycles() {
    slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(PROCESSOR);
  }

  @Test
  void kernelPlanning_doesNotDependOnTheJavaWriters() {
    noClasses().that().resideInAnyPackage("netforge.processor.kernel..", "netforge.processor.model..")
        .should().dependOnClassesThat().resideInAPackage("netforge.processor.codegen..")
        .because("codegen renders the plan; the plan does not know how it is written")
        .check(PROCESSOR);
  }

  @Test
  void plannedBufferSizes_arePlainValues() {
    noClasses().that().belongToAnyOf(PlannedBuffer.class, ScratchUse.class)
        .should().dependOnClassesThat().resideInAPackage("com.palantir.javapoet..")
        .because("the planner decides sizes; codegen alone writes them as Java")
        .check(PROCESSOR);
  }

  /** One slice per package, the top-level {@code netforge.processor} included (a plain pattern would skip it). */
  private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String name = javaClass.getPackageName();
      return name.startsWith("netforge.processor") ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "the packages of netforge.processor";
    }
  };
}
