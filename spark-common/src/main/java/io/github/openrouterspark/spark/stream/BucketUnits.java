package io.github.openrouterspark.spark.stream;

import io.github.openrouterspark.options.ReadOptions;
import io.github.openrouterspark.plan.AnalyticsGranularity;
import java.time.Instant;

/**
 * The analytics buckets of one granularity (minute .. month, weeks from Sunday): a bucket is
 * complete once the next has begun.
 */
record BucketUnits(AnalyticsGranularity granularity) implements StreamUnit {
  @Override
  public String name() {
    return granularity.apiName();
  }

  @Override
  public Instant start(Instant t) {
    return granularity.ceil(t);
  }

  @Override
  public Instant next(Instant boundary) {
    return granularity.next(boundary);
  }

  @Override
  public Instant completedThrough(Instant origin, Instant now) {
    Instant current = granularity.floor(now);
    return current.isAfter(origin) ? current : origin;
  }

  @Override
  public String format(Instant boundary) {
    return boundary.toString();
  }

  @Override
  public Instant parse(String text) {
    return Instant.parse(text);
  }

  @Override
  public ReadOptions slice(ReadOptions options, Instant start, Instant end) {
    return options.withTimeRange(start, end);
  }
}
