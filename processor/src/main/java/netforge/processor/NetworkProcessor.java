package netforge.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic.Kind;
import javax.tools.FileObject;
import javax.tools.StandardLocation;
import netforge.processor.check.Checks;
import netforge.processor.codegen.ModelWriter;
import netforge.processor.codegen.RuntimeBinding;
import netforge.processor.codegen.ShapesOnlyBinding;
import netforge.processor.codegen.TrainerWriter;
import netforge.processor.codegen.SummaryTable;
import netforge.processor.diag.Diagnostic;
import netforge.processor.diag.Message;
import netforge.processor.diag.Message.Hint;
import netforge.processor.diag.Report;
import netforge.processor.diag.Site;
import netforge.processor.kernel.KernelPlan;
import netforge.processor.kernel.KernelPlanner;
import netforge.processor.kernel.OpenClRenderer;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.ShapeInference;
import netforge.processor.parse.GeneratedNames;
import netforge.processor.parse.NetworkParser;
import netforge.processor.parse.ParsedNetwork;
import netforge.processor.runtime.RuntimeTypes;

/**
 * Checks and generates every {@code @Network} of a compilation, in typed stages: parse (javac elements to a
 * pure model), infer shapes, check (one rule per class), generate. Each stage runs only on a clean report, and a
 * broken network stops alone: the others in the compilation still generate.
 *
 * <p>No exception reaches javac: an internal failure becomes one {@code [nn.Internal]} error with the trace on
 * the network, and {@link #process} never claims the annotations.
 *
 * <p>Options: {@code -Anetforge.summary=true} prints each network's summary table as a note.
 */
@AutoService(Processor.class)
@SupportedOptions({NetworkProcessor.SUMMARY_OPTION})
public final class NetworkProcessor extends AbstractProcessor {
  public static final String SUMMARY_OPTION = "netforge.summary";
  /** A type of the runtime: when javac can see it, generated models run on devices. */
  static final String RUNTIME_ENGINE = RuntimeTypes.ENGINE.canonicalName();

  /** Where diagnostics go: each text once per place, as a subclass network re-checks inherited layers. */
  private Messager messager;

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    messager = new DistinctMessager(processingEnv.getMessager());
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(NetworkParser.PACKAGE + ".*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement networkAnnotation = processingEnv.getElementUtils().getTypeElement(NetworkParser.NETWORK);
    if (networkAnnotation == null) {
      return false;
    }
    for (Element element : round.getElementsAnnotatedWith(networkAnnotation)) {
      if (element instanceof TypeElement type) {
        processGuarded(type);
      }
    }
    reportFieldsOutsideNetworks(annotations, round);
    return false;
  }

  private void processGuarded(TypeElement type) {
    try {
      processNetwork(type);
    } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      messager.printMessage(Kind.ERROR,
          Message.INTERNAL.format(type.getSimpleName(), e) + "\n    " + Hint.REPORT_INTERNAL.format() + "\n" + trace,
          type);
    }
  }

  private void processNetwork(TypeElement type) throws RuntimeException {
    ParsedNetwork parsed = new NetworkParser(processingEnv).parse(type);
    print(parsed, parsed.report());
    if (parsed.javacErrors() || parsed.model() == null) {
      return;
    }
    // Structural errors that leave the model whole (a private field, a non-abstract class) do not hide the
    // shape errors: the user sees every mistake in one compilation.
    InferredNetwork network = ShapeInference.infer(parsed.model());
    Report checks = new Report();
    Checks.runAll(network, checks);
    print(parsed, checks);
    if (parsed.report().hasErrors() || checks.hasErrors()) {
      return;
    }
    if (Boolean.parseBoolean(processingEnv.getOptions().get(SUMMARY_OPTION))) {
      messager.printMessage(Kind.NOTE,
          Message.SUMMARY.format(network.name() + " summary:\n" + SummaryTable.render(network)), type);
    }
    try {
      generate(type, network, parsed);
    } catch (IOException e) {
      messager.printMessage(Kind.ERROR,
          Message.INTERNAL.format(type.getSimpleName(), "could not write the generated model: " + e.getMessage()),
          type);
    }
  }

  /**
   * Writes the model class and, when the runtime is on the class path, its OpenCL program next to it as a
   * class-path resource and its trainer. Every source file is created before any is written: when a name is
   * taken (the user has a class {@code AlexNetModel}), the Filer refuses it, and that is one
   * {@code nn.GeneratedNameTaken} error with nothing half-written.
   */
  private void generate(TypeElement type, InferredNetwork network, ParsedNetwork parsed) throws IOException {
    boolean runtimePresent = processingEnv.getElementUtils().getTypeElement(RUNTIME_ENGINE) != null;
    Filer filer = processingEnv.getFiler();
    if (!runtimePresent) {
      JavaFile model = ModelWriter.write(network, type, new ShapesOnlyBinding());
      Writer modelOut = create(filer, model, type, parsed);
      if (modelOut != null) {
        write(modelOut, model::writeTo);
      }
      return;
    }
    String packageName = GeneratedNames.packageName(type);
    String resource = GeneratedNames.modelSimpleName(type) + ".cl";
    KernelPlan plan = KernelPlanner.plan(network, resource);
    JavaFile model = ModelWriter.write(network, type, new RuntimeBinding(plan));
    JavaFile trainer = TrainerWriter.write(type);
    Writer modelOut = create(filer, model, type, parsed);
    Writer trainerOut = modelOut == null ? null : create(filer, trainer, type, parsed);
    if (trainerOut == null) {
      if (modelOut != null) {
        modelOut.close(); // left empty: an empty compilation unit compiles to nothing
      }
      return;
    }
    FileObject kernels = filer.createResource(StandardLocation.CLASS_OUTPUT, packageName, resource, type);
    write(kernels.openWriter(), out -> out.write(OpenClRenderer.render(plan, type.getQualifiedName().toString())));
    write(modelOut, model::writeTo);
    write(trainerOut, trainer::writeTo);
  }

  /** Opens the source file of {@code file}, or reports that its name is taken and returns null. */
  private Writer create(Filer filer, JavaFile file, TypeElement type, ParsedNetwork parsed) throws IOException {
    String name = file.packageName().isEmpty() ? file.typeSpec().name()
        : file.packageName() + "." + file.typeSpec().name();
    try {
      return filer.createSourceFile(name, type).openWriter();
    } catch (FilerException taken) {
      Report report = new Report();
      Message m = Message.GENERATED_NAME_TAKEN;
      report.add(new Diagnostic(m, Site.network(), m.format(type.getSimpleName(), name, "a type " + name),
          List.of(Hint.RENAME_TAKEN_TYPE.format(type.getSimpleName(), name))));
      print(parsed, report);
      return null;
    }
  }

  private interface WriteAction {
    void writeTo(Writer out) throws IOException;
  }

  private static void write(Writer out, WriteAction action) throws IOException {
    try (out) {
      action.writeTo(out);
    }
  }

  private void print(ParsedNetwork parsed, Report report) {
    for (Diagnostic d : report.diagnostics()) {
      parsed.sources().print(messager, d);
    }
  }

  /**
   * A layer annotation on a field of a class that is not a {@code @Network} would silently do nothing: one error
   * per such field, on its first NetForge annotation.
   */
  private void reportFieldsOutsideNetworks(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Set<Element> reported = new java.util.HashSet<>();
    for (TypeElement annotation : annotations) {
      if (annotation.getQualifiedName().contentEquals(NetworkParser.NETWORK)) {
        continue;
      }
      for (var field : ElementFilter.fieldsIn(round.getElementsAnnotatedWith(annotation))) {
        Element owner = field.getEnclosingElement();
        boolean ownerIsNetwork = owner.getAnnotationMirrors().stream().anyMatch(m ->
            ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(NetworkParser.NETWORK));
        if (ownerIsNetwork || NetworkParser.isBlock(owner) || owner.getKind() == ElementKind.PACKAGE
            || !reported.add(field)) {
          continue;
        }
        AnnotationMirror first = field.getAnnotationMirrors().stream()
            .filter(NetworkParser::isFieldAnnotation).findFirst().orElse(null);
        String kind = first == null ? annotation.getSimpleName().toString()
            : first.getAnnotationType().asElement().getSimpleName().toString();
        messager.printMessage(Kind.ERROR,
            Message.OUTSIDE_NETWORK.format(field.getSimpleName(), kind, owner.getSimpleName())
                + "\n    fix: annotate " + owner.getSimpleName()
                + " with @Network(input = @Input(...), classes = ...)", field, first);
      }
    }
  }
}
