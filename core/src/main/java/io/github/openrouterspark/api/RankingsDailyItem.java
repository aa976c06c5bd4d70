package io.github.openrouterspark.api;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.time.LocalDate;

/** The current row of a {@code /datasets/rankings-daily} response. */
public final class RankingsDailyItem implements ItemDecoder {
  private String dateText;
  private String dateTextOfDate;
  private LocalDate date;
  private String modelPermaslug;
  private String totalTokens;

  @Override
  public void begin() {
    dateText = null;
    modelPermaslug = null;
    totalTokens = null;
  }

  @Override
  public boolean field(String name, JsonParser p) throws IOException {
    switch (name) {
      case "date" -> {
        String text = JsonValues.string(name, p);
        // Rows arrive grouped by date: parse each distinct date once.
        if (date == null || !text.equals(dateTextOfDate)) {
          date = JsonValues.date(name, text);
          dateTextOfDate = text;
        }
        dateText = text;
      }
      case "model_permaslug" -> modelPermaslug = JsonValues.string(name, p);
      case "total_tokens" -> totalTokens = JsonValues.unsignedDecimal(name, p);
      default -> {
        return false;
      }
    }
    return true;
  }

  @Override
  public String missingField() {
    if (dateText == null) {
      return "date";
    }
    if (modelPermaslug == null) {
      return "model_permaslug";
    }
    return totalTokens == null ? "total_tokens" : null;
  }

  /** One row per date and model (docs/api-contract.md §2). */
  @Override
  public void addKeys(UniqueKeys keys, long index) {
    keys.add(index, "date and model_permaslug", date, modelPermaslug);
  }

  public LocalDate date() {
    return date;
  }

  public String modelPermaslug() {
    return modelPermaslug;
  }

  /** The exact total as decimal digits (it may exceed 64 bits). */
  public String totalTokens() {
    return totalTokens;
  }
}
