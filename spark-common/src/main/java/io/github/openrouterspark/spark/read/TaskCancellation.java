package io.github.openrouterspark.spark.read;

import io.github.openrouterspark.api.Cancellation;
import org.apache.spark.TaskContext;

/**
 * The running Spark task's kill flag as the client's {@link Cancellation}. Spark may kill a task
 * without interrupting its thread ({@code interruptOnCancel=false}, the default of {@code
 * setJobGroup}); only polling this flag then stops a task that is waiting.
 */
final class TaskCancellation {
  private TaskCancellation() {}

  /** The hook of the task running on this thread; none outside a task (the driver). */
  static Cancellation current() {
    TaskContext task = TaskContext.get();
    return task == null ? Cancellation.NONE : task::isInterrupted;
  }
}
