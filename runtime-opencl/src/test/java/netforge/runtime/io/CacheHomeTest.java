package netforge.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the cache goes, and that an unwritable home moves it to a temporary directory with one note. */
class CacheHomeTest {
  @TempDir
  Path temp;

  @Test
  void writableHome_isUsed_silently() {
    List<String> notes = new ArrayList<>();
    assertEquals(temp.resolve("home/.cache/netforge"),
        CacheHome.choose(null, temp.resolve("home").toString(), temp.resolve("tmp"), notes::add));
    assertEquals(temp.resolve("xdg/netforge"),
        CacheHome.choose(temp.resolve("xdg").toString(), "/unused", temp.resolve("tmp"), notes::add));
    assertEquals(List.of(), notes);
  }

  /** As root, permissions do not stop a write; a home below a regular file cannot be created by anyone. */
  @Test
  void unwritableHome_fallsBackToTheTemporaryDirectory_withOneNoteNamingTheVariable() throws IOException {
    Path file = Files.writeString(temp.resolve("passwd"), "not a directory");
    List<String> notes = new ArrayList<>();
    Path chosen = CacheHome.choose(null, file.resolve("home").toString(), temp.resolve("tmp"), notes::add);
    assertTrue(chosen.startsWith(temp.resolve("tmp")), chosen.toString());
    assertEquals(1, notes.size(), notes.toString());
    assertTrue(notes.get(0).contains(file.resolve("home/.cache/netforge") + " (" + file
        + " is a file, not a directory)"), notes.get(0));
    assertTrue(notes.get(0).contains("XDG_CACHE_HOME"), notes.get(0));
  }
}
