package io.github.openrouterspark.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringTest {
  @Test
  void decodesInRequestOrderAndKeepsTheFirstOfRepeatedNames() {
    Map<String, String> params =
        QueryString.decode(
            "end_date=2026-05-11&category=marketing%2Fseo&end_date=2026-01-01&flag&a+b=c+d");

    assertEquals(List.of("end_date", "category", "flag", "a b"), List.copyOf(params.keySet()));
    assertEquals("2026-05-11", params.get("end_date"));
    assertEquals("marketing/seo", params.get("category"));
    assertEquals("", params.get("flag"));
    assertEquals("c d", params.get("a b"));
  }

  @Test
  void keepsMalformedEscapesVerbatimSoValidationCanNameThem() {
    assertEquals(Map.of("start_date", "%zz"), QueryString.decode("start_date=%zz"));
  }

  @Test
  void noQueryMeansNoParameters() {
    assertEquals(Map.of(), QueryString.decode(null));
    assertEquals(Map.of(), QueryString.decode(""));
  }
}
