package io.github.openrouterspark.spark.stream;

import io.github.openrouterspark.options.InvalidOptionException;
import io.github.openrouterspark.options.ReadOptions;
import io.github.openrouterspark.spark.read.ConnectorClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.streaming.MicroBatchStream;
import org.apache.spark.sql.connector.read.streaming.Offset;
import org.apache.spark.sql.connector.read.streaming.ReadLimit;
import org.apache.spark.sql.connector.read.streaming.ReadMaxRows;
import org.apache.spark.sql.connector.read.streaming.ReportsSourceMetrics;
import org.apache.spark.sql.connector.read.streaming.SupportsAdmissionControl;
import org.apache.spark.sql.connector.read.streaming.SupportsTriggerAvailableNow;

/**
 * A micro-batch stream over the completed units (days, windows, buckets) of one dataset.
 *
 * <p>Deciding what is new sends no request: a unit is complete once the clock has passed its end
 * (00:00 UTC for days), so an idle stream asks the API nothing until a new unit can exist. Each
 * batch {@code [start, end)} is read by the dataset's own batch scan over exactly that range,
 * planned from the two offsets alone (no clock), so a batch Spark replays after a crash reads the
 * same requests and rows. {@code maxDaysPerTrigger} caps a batch ({@link ReadLimit#maxRows} counts
 * days here, as Kafka's maxOffsetsPerTrigger counts records); {@code Trigger.AvailableNow} fixes
 * its end when the query starts.
 */
final class DatasetStream
    implements MicroBatchStream,
        SupportsAdmissionControl,
        SupportsTriggerAvailableNow,
        ReportsSourceMetrics {
  private final ReadOptions options;
  private final StreamUnit unit;
  private final StreamOffset initial;
  private final AtomicLong batchesPlanned = new AtomicLong();
  private volatile Instant availableNowTarget;
  private Instant checkedStart;
  private Instant checkedEnd;

  DatasetStream(ReadOptions options, StreamUnit unit, StreamOffset initial) {
    this.options = options;
    this.unit = unit;
    this.initial = initial;
  }

  private String dataset() {
    return options.dataset().apiName();
  }

  private StreamOffset offset(Instant end) {
    return new StreamOffset(dataset(), unit, end);
  }

  private StreamOffset own(Offset offset) {
    return offset instanceof StreamOffset o ? o : deserializeOffset(offset.json());
  }

  @Override
  public Offset initialOffset() {
    return initial;
  }

  @Override
  public StreamOffset deserializeOffset(String json) {
    return StreamOffset.parse(json, dataset(), unit);
  }

  /** The last boundary whose units are all complete now, or the AvailableNow target. */
  private Instant head() {
    Instant target = availableNowTarget;
    return target != null
        ? target
        : unit.completedThrough(initial.end(), ConnectorClock.current().instant());
  }

  @Override
  public ReadLimit getDefaultReadLimit() {
    return options.maxDaysPerTrigger().isPresent()
        ? ReadLimit.maxRows(options.maxDaysPerTrigger().getAsInt())
        : ReadLimit.allAvailable();
  }

  @Override
  public Offset latestOffset() {
    return reportLatestOffset();
  }

  @Override
  public Offset latestOffset(Offset startOffset, ReadLimit limit) {
    Instant start = own(startOffset).end();
    Instant head = head();
    if (!head.isAfter(start)) {
      return own(startOffset);
    }
    if (!(limit instanceof ReadMaxRows max)) {
      return checked(start, head); // all available; any other limit is not one this source knows
    }
    // At least one unit, then whole units while the batch stays within the limit's days.
    Instant end = unit.next(start);
    for (Instant next = unit.next(end);
        !next.isAfter(head) && Duration.between(start, next).toDays() <= max.maxRows();
        next = unit.next(end)) {
      end = next;
    }
    return checked(start, end.isAfter(head) ? start : end);
  }

  /**
   * The offset {@code end}, once the batch {@code [start, end)} is known to fit {@code
   * maxRequestsPerQuery}: planned here (no I/O), before Spark logs the batch, because a logged
   * batch is replayed with the same range, and one over the budget would fail on every restart.
   */
  private StreamOffset checked(Instant start, Instant end) {
    if (end.isAfter(start) && !(start.equals(checkedStart) && end.equals(checkedEnd))) {
      try {
        BatchScans.build(unit.slice(options, start, end));
      } catch (InvalidOptionException e) {
        throw new InvalidOptionException(
            "The next micro-batch of this "
                + dataset()
                + " stream, "
                + unit.format(start)
                + " up to "
                + unit.format(end)
                + " (exclusive), is over budget: set option 'maxDaysPerTrigger' to read it in smaller"
                + " batches, or raise maxRequestsPerQuery. "
                + e.getMessage());
      }
      checkedStart = start;
      checkedEnd = end;
    }
    return offset(end);
  }

  @Override
  public Offset reportLatestOffset() {
    return offset(head());
  }

  @Override
  public void prepareForTriggerAvailableNow() {
    availableNowTarget = unit.completedThrough(initial.end(), ConnectorClock.current().instant());
  }

  @Override
  public InputPartition[] planInputPartitions(Offset start, Offset end) {
    Instant from = own(start).end();
    Instant to = own(end).end();
    Batch batch = BatchScans.build(unit.slice(options, from, to)).toBatch();
    PartitionReaderFactory factory = batch.createReaderFactory();
    batchesPlanned.incrementAndGet();
    return Arrays.stream(batch.planInputPartitions())
        .map(p -> new StreamPartition(p, factory))
        .toArray(InputPartition[]::new);
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return StreamReaderFactory.INSTANCE;
  }

  @Override
  public Map<String, String> metrics(Optional<Offset> latestConsumedOffset) {
    Instant head = head();
    Map<String, String> metrics = new LinkedHashMap<>();
    metrics.put("unit", unit.name());
    metrics.put("completedThrough", unit.format(head));
    latestConsumedOffset.ifPresent(o -> metrics.put("readThrough", unit.format(own(o).end())));
    metrics.put("nextUnitCompletesAt", unit.next(head).toString());
    metrics.put("batchesPlanned", Long.toString(batchesPlanned.get()));
    return metrics;
  }

  @Override
  public void commit(Offset end) {
    // Nothing to release: every batch is planned from its offsets.
  }

  @Override
  public void stop() {
    // Readers own their HTTP clients; the stream holds none.
  }

  @Override
  public String toString() {
    return "OpenRouter " + dataset() + " stream of completed " + unit.name() + "s from " + initial;
  }
}
