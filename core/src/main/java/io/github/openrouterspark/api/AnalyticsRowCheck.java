package io.github.openrouterspark.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks each row of an analytics response against the query that asked for it, before the row is
 * used: every requested metric and dimension key is present (a value may be null), and so is the
 * time key when a granularity was requested, inside the time range; metric values are finite
 * numbers; the pushed filters hold (see {@link AnalyticsFilterCheck}); and no two rows share a
 * group (time bucket and dimension values), unless the query groups by a dimension whose rows show
 * a label that several ids may share ({@code app} titles, key and workspace names, user names). The
 * API documents its rows only in prose (docs/api-contract.md §5), so this is what it promises about
 * them.
 */
final class AnalyticsRowCheck {
  private final List<String> metrics;
  private final List<String> dimensions;

  /** Requested key to its slot: metrics first, then dimensions; the time key is the last slot. */
  private final Map<String, Integer> slots = new LinkedHashMap<>();

  private final int timeSlot;
  private final AnalyticsBuckets buckets;
  private final AnalyticsFilterCheck filters;
  private final UniqueKeys groups = new UniqueKeys("data.data");
  private final String groupKind;
  private final boolean groupsComparable;

  private final boolean[] present;

  /** The row's group: its time bucket, then its dimension values as text. */
  private final Object[] group;

  private long row = -1;

  AnalyticsRowCheck(AnalyticsQueryBody query) {
    metrics = query.metrics();
    dimensions = query.dimensions();
    for (String m : metrics) {
      slots.putIfAbsent(m, slots.size());
    }
    for (String d : dimensions) {
      slots.putIfAbsent(d, slots.size());
    }
    buckets = AnalyticsBuckets.of(query);
    timeSlot = slots.size();
    present = new boolean[timeSlot + 1];
    group = new Object[1 + dimensions.size()];
    filters = new AnalyticsFilterCheck(query);
    List<String> groupFields = new ArrayList<>();
    if (buckets != null) {
      groupFields.add(buckets.keyNames());
    }
    groupFields.addAll(dimensions);
    groupKind = groupFields.isEmpty() ? null : "group " + groupFields;
    // Rows show a label (a name) for these, and two ids may share one: their groups cannot be told
    // apart.
    groupsComparable =
        dimensions.stream().noneMatch(AnalyticsFilterCheck.LABELLED_DIMENSIONS::contains);
  }

  void startRow() {
    row++;
    Arrays.fill(present, false);
    Arrays.fill(group, null);
  }

  /** Checks one field; the parser is on its value, and is left there. */
  void field(String name, JsonParser p) throws IOException {
    Integer slot = slots.get(name);
    if (slot != null) {
      see(slot, name);
      if (slot < metrics.size()) {
        if (p.currentToken() != JsonToken.VALUE_NULL) {
          JsonValues.finiteNumber(name, p);
        }
      } else {
        dimension(name, p);
      }
    } else if (buckets != null && buckets.isTimeKey(name)) {
      see(timeSlot, name);
      String text = JsonValues.string(name, p);
      Instant bucket = JsonValues.bucketStart(name, text);
      buckets.check(name, text, bucket);
      group[0] = bucket;
    } else if (AnalyticsBuckets.looksLikeTimeKey(name)) {
      throw new MalformedResponseException(
          "field '"
              + name
              + "' is a time bucket "
              + (buckets == null
                  ? "although the request asked for totals (no granularity)"
                  : "of another granularity than the requested " + buckets.keyNames()));
    }
  }

  private void dimension(String name, JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (!t.isScalarValue()) {
      throw new MalformedResponseException(
          "field '"
              + name
              + "' must be a dimension value (a string, a number or null)"
              + " but was "
              + (t == JsonToken.START_ARRAY ? "an array" : "an object"));
    }
    String value = t == JsonToken.VALUE_NULL ? null : p.getText();
    filters.check(name, value);
    group[1 + dimensions.indexOf(name)] = value;
  }

  private void see(int slot, String name) {
    if (present[slot]) {
      throw new MalformedResponseException(
          "the row has field '"
              + name
              + "' "
              + (slot == timeSlot ? "(or another key of the same time bucket) " : "")
              + "twice");
    }
    present[slot] = true;
  }

  /**
   * After the row's last field: fails if a requested key is missing, or the row's group was seen
   * before.
   */
  void endRow() {
    for (Map.Entry<String, Integer> e : slots.entrySet()) {
      if (!present[e.getValue()]) {
        throw new MalformedResponseException(
            "required field '"
                + e.getKey()
                + "' is missing: each row has a"
                + " key for every requested "
                + (e.getValue() < metrics.size()
                    ? "metric " + metrics
                    : "dimension " + dimensions));
      }
    }
    if (buckets != null && !present[timeSlot]) {
      throw new MalformedResponseException(
          "required time bucket "
              + buckets.keyNames()
              + " is missing: each row"
              + " of a time series has one");
    }
    if (groupKind == null) {
      if (row > 0) {
        throw new MalformedResponseException(
            "is a second row, but a query for totals without dimensions has one");
      }
    } else if (groupsComparable) {
      groups.add(
          row,
          groupKind,
          buckets == null ? Arrays.copyOfRange(group, 1, group.length) : group.clone());
    }
  }
}
