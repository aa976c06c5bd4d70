package io.github.openrouterspark.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateWindowsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 5, 12);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        // query                                      | start      | end
        "\"\"                                         | 2026-04-11 | 2026-05-11",
        "end_date=2026-03-01                          | 2026-01-30 | 2026-03-01",
        "start_date=2026-05-01                        | 2026-05-01 | 2026-05-11",
        "start_date=2024-06-01&end_date=2025-03-01    | 2025-01-01 | 2025-03-01",
        "end_date=2025-01-10                          | 2025-01-01 | 2025-01-10",
        "start_date=2025-01-01&end_date=2026-01-01    | 2025-01-01 | 2026-01-01",
        "start_date=2024-01-01&end_date=2026-01-01    | 2025-01-01 | 2026-01-01",
        "start_date=2026-05-01&end_date=2026-12-31    | 2026-05-01 | 2026-12-31",
        "start_date=2024-02-29&end_date=2025-01-01    | 2025-01-01 | 2025-01-01",
      })
  void resolvesDefaultsAndClampsStartToTheFirstDay(String query, LocalDate start, LocalDate end)
      throws Exception {
    assertEquals(
        new DateWindow(start, end),
        DateWindows.resolve(new QueryParams(QueryString.decode(query)), TODAY));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "start_date=2026-5-01 | start_date: must be a date in YYYY-MM-DD format, got '2026-5-01'",
        "end_date=20260511 | end_date: must be a date in YYYY-MM-DD format, got '20260511'",
        "end_date=2026-05-11T00:00:00Z | end_date: must be a date in YYYY-MM-DD format, got '2026-05-11T00:00:00Z'",
        "start_date= | start_date: must be a date in YYYY-MM-DD format, got ''",
        "end_date=2026-02-30 | end_date: '2026-02-30' is not a valid calendar date",
        "start_date=2025-13-01 | start_date: '2025-13-01' is not a valid calendar date",
        "end_date=2025-02-29 | end_date: '2025-02-29' is not a valid calendar date",
        "end_date=2024-12-31 | end_date: must be on or after 2025-01-01, got 2024-12-31",
        "start_date=2026-05-02&end_date=2026-05-01 | start_date: must not be after end_date (2026-05-02 > 2026-05-01)",
        "start_date=2025-01-01&end_date=2026-01-02 | end_date: span between start_date and end_date must not exceed 366 days",
      })
  void rejectsInvalidDates(String query, String message) {
    RequestRejected rejected =
        assertThrows(
            RequestRejected.class,
            () -> DateWindows.resolve(new QueryParams(QueryString.decode(query)), TODAY));

    assertEquals(ApiError.badRequest(message), rejected.error());
  }
}
