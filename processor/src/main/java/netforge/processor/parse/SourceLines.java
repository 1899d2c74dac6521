package netforge.processor.parse;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;

/** Source line numbers for shape traces, from javac's tree API; 0 where it is unavailable (another compiler). */
final class SourceLines {
  private final Trees trees;

  SourceLines(ProcessingEnvironment env) {
    Trees found;
    try {
      found = Trees.instance(env);
    } catch (IllegalArgumentException | LinkageError notJavac) {
      found = null;
    }
    this.trees = found;
  }

  int lineOf(Element element) {
    if (trees == null) {
      return 0;
    }
    TreePath path = trees.getPath(element);
    if (path == null) {
      return 0;
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    long position = trees.getSourcePositions().getStartPosition(unit, path.getLeaf());
    return position < 0 || unit.getLineMap() == null ? 0 : (int) unit.getLineMap().getLineNumber(position);
  }
}
