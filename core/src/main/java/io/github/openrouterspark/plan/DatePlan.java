package io.github.openrouterspark.plan;

import java.io.Serializable;
import java.util.List;

/**
 * What a dataset scan will fetch: the dates rows may have, and the windows (one request each) that
 * cover them. Computed on the driver without I/O.
 *
 * @param dates the dates whose rows the scan returns (readers drop any others)
 * @param windows one request each, covering {@code dates}
 */
public record DatePlan(DateSet dates, List<Window> windows) implements Serializable {
  public DatePlan {
    windows = List.copyOf(windows);
  }

  public int requestCount() {
    return windows.size();
  }
}
