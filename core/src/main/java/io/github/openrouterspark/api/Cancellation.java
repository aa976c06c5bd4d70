package io.github.openrouterspark.api;

/**
 * Says whether the work a client serves has been cancelled, so that its waits and requests stop at
 * once. Spark-free: the Spark layer supplies one that asks the running task; a thread's interrupt
 * is honoured as well, whatever the hook says.
 */
@FunctionalInterface
public interface Cancellation {
  Cancellation NONE = () -> false;

  boolean isCancelled();
}
