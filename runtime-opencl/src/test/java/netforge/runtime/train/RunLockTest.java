package netforge.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run per directory: a second one, in this process or another, is refused naming the first; stale files are taken over. */
class RunLockTest {
  @TempDir
  Path directory;

  @Test
  void secondLockInTheSameProcess_isRefusedNamingThisProcess() throws IOException {
    try (RunLock first = RunLock.acquire(directory)) {
      RunLockedException e = assertThrows(RunLockedException.class, () -> RunLock.acquire(directory));
      assertTrue(e.getMessage().contains("process " + ProcessHandle.current().pid() + " (started "), e.getMessage());
      assertTrue(e.getMessage().startsWith(directory + " is in use by another run"), e.getMessage());
    }
  }

  @Test
  void lockHeldByAnotherProcess_isRefusedNamingItsPidAndStartTime() throws Exception {
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), RunLockHolder.class.getName(), directory.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("locked", out.readLine(), "the holder process should report its lock");
      RunLockedException e = assertThrows(RunLockedException.class, () -> RunLock.acquire(directory));
      assertTrue(e.getMessage().contains("process " + holder.pid() + " (started "), e.getMessage());
    } finally {
      holder.getOutputStream().close();
      if (!holder.waitFor(30, TimeUnit.SECONDS)) {
        holder.destroyForcibly();
      }
    }
    // Its lock ended with it.
    try (RunLock mine = RunLock.acquire(directory)) {
      assertTrue(Files.readString(directory.resolve(RunLock.FILE)).contains("process " + ProcessHandle.current().pid()));
    }
  }

  /** A run killed with SIGKILL leaves the file naming it, but no lock: the next run takes it over. */
  @Test
  void fileLeftByACrashedRun_isTakenOver() throws IOException {
    Files.writeString(directory.resolve(RunLock.FILE), "process 999999 (started 2026-01-01 00:00:00 UTC)\n");
    try (RunLock lock = RunLock.acquire(directory)) {
      String content = Files.readString(directory.resolve(RunLock.FILE));
      assertTrue(content.startsWith("process " + ProcessHandle.current().pid() + " "), content);
    }
  }

  @Test
  void closedLock_canBeTakenAgain_andNamesNoHolder() throws IOException {
    RunLock.acquire(directory).close();
    assertEquals("", Files.readString(directory.resolve(RunLock.FILE)), "a released lock names no holder");
    try (RunLock again = RunLock.acquire(directory)) {
      assertTrue(Files.readString(directory.resolve(RunLock.FILE)).contains("started"));
    }
  }
}
