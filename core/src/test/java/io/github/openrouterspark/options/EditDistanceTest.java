package io.github.openrouterspark.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditDistanceTest {
  @ParameterizedTest
  @CsvSource({
    "'', '', 0",
    "abc, '', 3",
    "'', abc, 3",
    "abc, abc, 0",
    "kitten, sitting, 3",
    "flaw, lawn, 2",
    "windowday, windowdays, 1",
    "windowdays, windowday, 1",
    "A, a, 1",
    "abc, acb, 2",
    "intention, execution, 5",
    "sunday, saturday, 3",
    "a, b, 1",
    "ab, ba, 2"
  })
  void examples(String a, String b, int expected) {
    assertEquals(expected, EditDistance.between(a, b));
  }

  /** Textbook full-matrix Levenshtein, to compare the two-row version against. */
  static int reference(String a, String b) {
    int[][] m = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      m[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      m[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        m[i][j] = Math.min(m[i - 1][j - 1] + cost, Math.min(m[i - 1][j], m[i][j - 1]) + 1);
      }
    }
    return m[a.length()][b.length()];
  }

  @Test
  void randomizedAgainstReferenceAndMetricProperties() {
    Random random = new Random(42);
    for (int n = 0; n < 500; n++) {
      String a = randomString(random);
      String b = randomString(random);
      String c = randomString(random);
      int ab = EditDistance.between(a, b);
      assertEquals(reference(a, b), ab, a + " / " + b);
      assertEquals(ab, EditDistance.between(b, a), "symmetric: " + a + " / " + b);
      assertEquals(0, EditDistance.between(a, a));
      assertTrue(ab >= Math.abs(a.length() - b.length()));
      assertTrue(ab <= Math.max(a.length(), b.length()));
      assertTrue(
          EditDistance.between(a, c) <= ab + EditDistance.between(b, c), "triangle inequality");
    }
  }

  private static String randomString(Random random) {
    int length = random.nextInt(8);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append((char) ('a' + random.nextInt(3)));
    }
    return sb.toString();
  }
}
