package io.github.openrouterspark.api;

import java.time.Instant;
import java.time.LocalDate;

/** The {@code meta} object of a dataset response: when it was generated and the resolved window. */
public record DatasetMeta(Instant asOf, String version, LocalDate startDate, LocalDate endDate) {}
