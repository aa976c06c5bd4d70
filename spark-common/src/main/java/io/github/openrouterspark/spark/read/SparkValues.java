package io.github.openrouterspark.spark.read;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.types.UTF8String;

/** Conversions from API values to Spark's internal row representations. */
public final class SparkValues {
  private static final int MAX_DECIMAL_DIGITS = 38;

  private SparkValues() {}

  /** Decimal digits (any width) as DECIMAL(38,0), or null when they do not fit. */
  public static Decimal decimal38(String digits) {
    if (digits.length() <= 18) {
      return Decimal.apply(Long.parseLong(digits));
    }
    BigInteger value = new BigInteger(digits);
    return value.toString().length() > MAX_DECIMAL_DIGITS
        ? null
        : Decimal.apply(new BigDecimal(value));
  }

  public static int date(LocalDate date) {
    return (int) date.toEpochDay();
  }

  public static long timestamp(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
  }

  public static UTF8String string(String s) {
    return s == null ? null : UTF8String.fromString(s);
  }
}
