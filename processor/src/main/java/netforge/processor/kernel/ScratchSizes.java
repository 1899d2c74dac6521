package netforge.processor.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What each stage needs of the {@link Scratch} buffers: every use, by buffer, in the order the stages add them. */
final class ScratchSizes {
  private final Map<BufferName, List<ScratchUse>> uses = new LinkedHashMap<>();

  ScratchSizes() {
    List.of(Scratch.A, Scratch.B, Scratch.W, Scratch.C).forEach(n -> uses.put(n, new ArrayList<>()));
  }

  void need(BufferName buffer, ScratchUse use) {
    uses.get(buffer).add(use);
  }

  Map<BufferName, List<ScratchUse>> uses() {
    return uses;
  }
}
