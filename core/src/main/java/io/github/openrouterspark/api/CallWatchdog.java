package io.github.openrouterspark.api;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;

/**
 * Cancels an HTTP call in flight once its query is cancelled: a thread blocked in a socket read
 * neither notices Spark's kill flag nor (for classic sockets) an interrupt.
 */
final class CallWatchdog {
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "openrouter-call-watchdog");
            t.setDaemon(true);
            return t;
          });

  /** Stops watching when closed. */
  interface Watch extends AutoCloseable {
    @Override
    void close();
  }

  private CallWatchdog() {}

  static Watch watch(Call call, Cancellation cancellation) {
    Thread caller = Thread.currentThread();
    ScheduledFuture<?> poll =
        TIMER.scheduleWithFixedDelay(
            () -> {
              try {
                if (caller.isInterrupted() || cancellation.isCancelled()) {
                  call.cancel();
                }
              } catch (RuntimeException e) {
                call.cancel(); // a hook that cannot answer is no reason to keep a connection open
              }
            },
            Waits.POLL_MILLIS,
            Waits.POLL_MILLIS,
            TimeUnit.MILLISECONDS);
    return () -> poll.cancel(false);
  }
}
