package netforge.runtime.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The batches of one epoch, in order. A background thread prepares them into a queue of {@value #QUEUE_DEPTH}, so
 * the next batches are ready while the caller computes on the current one. A failure on that thread is thrown from
 * {@link #next()} as a {@link BatchPreparationException} with the failure as its cause. Close it (try-with-resources)
 * to stop the thread when leaving an epoch early.
 */
public final class EpochBatches implements Iterator<Batch>, AutoCloseable {
  static final int QUEUE_DEPTH = 2;
  private static final AtomicLong THREADS = new AtomicLong();

  private final BatchLoader loader;
  private final int epoch;
  private final int[] order;
  private final int end;
  private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE_DEPTH);
  private final Thread worker;
  private int next;
  private volatile boolean closed;

  private sealed interface Item permits Ready, Failed {}

  private record Ready(Batch batch) implements Item {}

  private record Failed(Throwable cause) implements Item {}

  EpochBatches(BatchLoader loader, int epoch, int[] order, int firstBatch) {
    this.loader = loader;
    this.epoch = epoch;
    this.order = order;
    this.end = loader.batchesPerEpoch();
    this.next = firstBatch;
    this.worker = new Thread(this::prepareAll, "netforge-batches-" + THREADS.incrementAndGet() + "-epoch-" + epoch);
    worker.setDaemon(true); // a forgotten iterator must not keep the VM alive
    worker.start();
  }

  private void prepareAll() {
    try {
      for (int index = next; index < end && !closed; index++) {
        Item item;
        try {
          item = new Ready(loader.prepare(order, epoch, index));
        } catch (Throwable failure) { // even an Error belongs to the caller, not to a dying background thread
          queue.put(new Failed(failure));
          return;
        }
        queue.put(item);
      }
    } catch (InterruptedException e) {
      // close() interrupts a thread blocked on a full queue: the caller wants no more batches.
    }
  }

  /** The epoch these batches belong to. */
  public int epoch() {
    return epoch;
  }

  /** The order this epoch visits the images in (see {@link BatchLoader#order(int)}). */
  public int[] order() {
    return order.clone();
  }

  /** The index the next batch will have. */
  public int nextIndex() {
    return next;
  }

  @Override
  public boolean hasNext() {
    return !closed && next < end;
  }

  @Override
  public Batch next() {
    if (closed) {
      throw new IllegalStateException("epoch " + epoch + "'s batches are closed");
    }
    if (next >= end) {
      throw new NoSuchElementException("epoch " + epoch + " has " + end + " batches, all delivered");
    }
    Item item;
    try {
      item = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BatchPreparationException("interrupted waiting for batch " + next + " of epoch " + epoch, e);
    }
    if (item instanceof Failed failed) {
      int index = next;
      close();
      throw new BatchPreparationException("preparing batch " + index + " of epoch " + epoch + " failed: "
          + failed.cause(), failed.cause());
    }
    next++;
    return ((Ready) item).batch();
  }

  /** Stops the background thread and drops prepared batches; later calls to {@link #hasNext()} say false. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    worker.interrupt();
    queue.clear();
    try {
      // It stops at its next queue operation, after the batch it may be preparing.
      worker.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the background thread is still running (for tests). */
  boolean workerAlive() {
    return worker.isAlive();
  }
}
