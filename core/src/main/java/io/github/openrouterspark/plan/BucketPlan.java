package io.github.openrouterspark.plan;

import java.io.Serializable;
import java.util.List;

/**
 * What a rankings-daily scan fetches for one bucket calendar (one period): the bucket starts its
 * rows may carry, and the windows (one request each per parameter set) that cover those buckets
 * whole. Computed on the driver without I/O.
 *
 * @param calendar how days group into rows
 * @param starts the bucket starts (for {@link BucketCalendar#DAY}: the days) whose rows the scan
 *     returns; readers drop rows dated otherwise
 * @param bucketCount how many buckets {@code starts} holds
 * @param windows sorted, disjoint; each covers whole buckets and at least one wanted one
 */
public record BucketPlan(
    BucketCalendar calendar, DateSet starts, long bucketCount, List<Window> windows)
    implements Serializable {
  public BucketPlan {
    windows = List.copyOf(windows);
  }

  public int requestCount() {
    return windows.size();
  }
}
