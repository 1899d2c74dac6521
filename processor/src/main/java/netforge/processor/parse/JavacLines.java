package netforge.processor.parse;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;

/**
 * Line numbers from javac's tree API. Only {@link #find} touches this class under another compiler, and it
 * answers {@code null} there, also where {@code com.sun.source} is not even on the processor's class path.
 */
final class JavacLines {
  private final Trees trees;

  private JavacLines(Trees trees) {
    this.trees = trees;
  }

  static JavacLines find(ProcessingEnvironment env) {
    try {
      return new JavacLines(Trees.instance(env));
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return null;
    }
  }

  int lineOf(Element element) {
    TreePath path = trees.getPath(element);
    if (path == null) {
      return 0;
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    long position = trees.getSourcePositions().getStartPosition(unit, path.getLeaf());
    return position < 0 || unit.getLineMap() == null ? 0 : (int) unit.getLineMap().getLineNumber(position);
  }
}
