package netforge.processor.parse;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import netforge.processor.diag.Site;

/**
 * Elements of the network class that diagnostics point at but that are not layer fields (a clashing method, a
 * field of another type): {@link Site#member} indexes this list, and {@link SourceMap} prints on the element.
 */
final class MemberSites {
  private final List<Element> elements = new ArrayList<>();

  Site add(Element element) {
    elements.add(element);
    return Site.member(elements.size() - 1);
  }

  Element get(int index) {
    return elements.get(index);
  }
}
