package netforge.runtime.cl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A generated program built as several parts in parallel: compiling kernels is single-threaded per program in
 * the drivers we know (PoCL, NVIDIA), and a network has dozens of them. The source is split at its section
 * markers (lines starting with a marker the program's writer names: this class knows no program format); each part
 * is the common header (everything before the first section) plus every {@code n}-th section, so sections must be
 * self-contained.
 */
public final class ClProgramSet implements AutoCloseable {
  private static final Pattern KERNEL = Pattern.compile("__kernel\\s+void\\s+(\\w+)\\s*\\(");

  private final List<ClProgram> programs;
  private final Map<String, ClProgram> byKernel;

  private ClProgramSet(List<ClProgram> programs, Map<String, ClProgram> byKernel) {
    this.programs = programs;
    this.byKernel = byKernel;
  }

  /**
   * Builds {@code source} in up to {@code parts} parts split at the lines that start with {@code sectionMarker},
   * each through the cache like {@link ClProgram#build}.
   */
  public static ClProgramSet build(ClDevice device, String label, String source, String sectionMarker,
      String options, ProgramCache cache, Profiler profiler, int parts) {
    List<String> sources = split(source, sectionMarker, parts);
    List<ClProgram> programs = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(sources.size(), r -> {
      Thread t = new Thread(r, "netforge-build-" + label);
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<ClProgram>> futures = new ArrayList<>();
      for (int i = 0; i < sources.size(); i++) {
        String part = sources.get(i);
        String partLabel = sources.size() == 1 ? label : label + " (part " + (i + 1) + " of " + sources.size() + ")";
        futures.add(pool.submit(() -> ClProgram.build(device, partLabel, part, options, cache, profiler)));
      }
      RuntimeException failure = null;
      for (Future<ClProgram> f : futures) {
        try {
          programs.add(f.get());
        } catch (ExecutionException e) {
          failure = failure != null ? failure
              : e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failure = new IllegalStateException("interrupted while building " + label, e);
        }
      }
      if (failure != null) {
        programs.forEach(ClProgram::close);
        throw failure;
      }
    } finally {
      pool.shutdown();
    }
    Map<String, ClProgram> byKernel = new HashMap<>();
    for (int i = 0; i < sources.size(); i++) {
      Matcher m = KERNEL.matcher(sources.get(i));
      while (m.find()) {
        byKernel.put(m.group(1), programs.get(i));
      }
    }
    return new ClProgramSet(programs, byKernel);
  }

  /** The header plus every {@code parts}-th section, for each of at most {@code parts} parts. */
  static List<String> split(String source, String sectionMarker, int parts) {
    if (sectionMarker.isEmpty()) {
      throw new IllegalArgumentException("an empty section marker would make every line a section");
    }
    List<String> sections = new ArrayList<>();
    int start = source.indexOf("\n" + sectionMarker);
    if (start < 0 || parts <= 1) {
      return List.of(source);
    }
    String header = source.substring(0, start + 1);
    int at = start + 1;
    while (at < source.length()) {
      int next = source.indexOf("\n" + sectionMarker, at);
      int end = next < 0 ? source.length() : next + 1;
      sections.add(source.substring(at, end));
      at = end;
    }
    int count = Math.min(parts, sections.size());
    List<StringBuilder> builders = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      builders.add(new StringBuilder(header));
    }
    for (int i = 0; i < sections.size(); i++) {
      builders.get(i % count).append(sections.get(i));
    }
    return builders.stream().map(StringBuilder::toString).toList();
  }

  /** Whether every part came from the on-disk cache. */
  public boolean fromCache() {
    return programs.stream().allMatch(ClProgram::fromCache);
  }

  public ClKernel kernel(String name) {
    ClProgram program = byKernel.get(name);
    if (program == null) {
      throw new IllegalArgumentException("no kernel " + name + " in this program");
    }
    return program.kernel(name);
  }

  @Override
  public void close() {
    programs.forEach(ClProgram::close);
  }
}
