package io.github.openrouterspark.api;

import java.time.Duration;
import java.util.Locale;

/**
 * Sleeps that end early when the query is cancelled. Spark kills a task either by interrupting its
 * thread or, with {@code interruptOnCancel=false}, only by flagging it; the flag is polled, so a
 * cancelled task frees its core within {@link #POLL_MILLIS}.
 */
final class Waits {
  static final long POLL_MILLIS = 100;

  private Waits() {}

  static boolean cancelled(Cancellation cancellation) {
    return Thread.currentThread().isInterrupted() || cancellation.isCancelled();
  }

  /** Waits {@code millis}, or throws {@link RequestCancelledException} once cancelled. */
  static void sleep(long millis, Cancellation cancellation, ApiRequest request, String what) {
    long end = System.nanoTime() + millis * 1_000_000;
    while (true) {
      if (cancelled(cancellation)) {
        throw new RequestCancelledException(request, "while waiting " + what, null);
      }
      long left = (end - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return;
      }
      try {
        Thread.sleep(Math.min(left, POLL_MILLIS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RequestCancelledException(request, "while waiting " + what, e);
      }
    }
  }

  static String seconds(long millis) {
    return millis < 10_000
        ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0)
        : (millis + 500) / 1000 + " s";
  }

  static String describe(Duration d) {
    long s = d.toSeconds();
    if (s < 120) {
      return seconds(d.toMillis());
    }
    return s
        + " s ("
        + (s >= 7200 ? s / 3600 + " h " + (s % 3600) / 60 + " min" : s / 60 + " min")
        + ")";
  }
}
