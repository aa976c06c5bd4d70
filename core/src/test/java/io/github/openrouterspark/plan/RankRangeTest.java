package io.github.openrouterspark.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class RankRangeTest {
  static final int MAX = Integer.MAX_VALUE;

  @Test
  void constants() {
    assertEquals(200, RankRange.DEEPEST);
    assertEquals(new RankRange(1, MAX), RankRange.ALL);
    assertFalse(RankRange.ALL.isEmpty());
    assertFalse(RankRange.ALL.isBoundedAbove());
    assertTrue(RankRange.NONE.isEmpty());
  }

  @Test
  void loIsClampedToOne() {
    assertEquals(new RankRange(1, 5), new RankRange(0, 5));
    assertEquals(new RankRange(1, 5), new RankRange(-100, 5));
    assertEquals(new RankRange(1, 5), new RankRange(Integer.MIN_VALUE, 5));
  }

  @Test
  void emptiness() {
    assertFalse(new RankRange(3, 3).isEmpty());
    assertTrue(new RankRange(4, 3).isEmpty());
    assertTrue(new RankRange(1, 0).isEmpty());
    assertTrue(new RankRange(-5, -1).isEmpty());
  }

  @Test
  void atMost() {
    assertEquals(new RankRange(1, 10), RankRange.atMost(10));
    assertEquals(new RankRange(1, 1), RankRange.atMost(1));
    assertTrue(RankRange.atMost(0).isEmpty());
    assertTrue(RankRange.atMost(-7).isEmpty());
    assertTrue(RankRange.atMost(Long.MIN_VALUE).isEmpty());
    assertEquals(RankRange.ALL, RankRange.atMost(Integer.MAX_VALUE));
    assertEquals(RankRange.ALL, RankRange.atMost(Long.MAX_VALUE));
    assertEquals(RankRange.ALL, RankRange.atMost(3_000_000_000L));
  }

  @Test
  void atLeast() {
    assertEquals(new RankRange(10, MAX), RankRange.atLeast(10));
    assertEquals(RankRange.ALL, RankRange.atLeast(1));
    assertEquals(RankRange.ALL, RankRange.atLeast(0));
    assertEquals(RankRange.ALL, RankRange.atLeast(Long.MIN_VALUE));
    assertEquals(new RankRange(MAX, MAX), RankRange.atLeast(Integer.MAX_VALUE));
    assertTrue(RankRange.atLeast(Integer.MAX_VALUE + 1L).isEmpty());
    assertTrue(RankRange.atLeast(Long.MAX_VALUE).isEmpty());
  }

  @Test
  void boundedAbove() {
    assertTrue(new RankRange(1, 50).isBoundedAbove());
    assertFalse(RankRange.atLeast(5).isBoundedAbove());
  }

  @Test
  void intersect() {
    assertEquals(new RankRange(5, 10), new RankRange(1, 10).intersect(new RankRange(5, 20)));
    assertEquals(new RankRange(5, 10), new RankRange(5, 20).intersect(new RankRange(1, 10)));
    assertEquals(new RankRange(3, 4), RankRange.ALL.intersect(new RankRange(3, 4)));
    assertTrue(new RankRange(1, 4).intersect(new RankRange(5, 9)).isEmpty());
    assertTrue(RankRange.NONE.intersect(RankRange.ALL).isEmpty());
    assertTrue(RankRange.ALL.intersect(RankRange.NONE).isEmpty());
  }

  @Test
  void firstN() {
    assertEquals(new RankRange(1, 10), RankRange.ALL.firstN(10));
    assertEquals(new RankRange(5, 7), new RankRange(5, 100).firstN(3));
    assertEquals(new RankRange(5, 7), new RankRange(5, 7).firstN(50)); // shorter than n
    assertEquals(new RankRange(5, 5), new RankRange(5, 100).firstN(1));
    assertTrue(new RankRange(5, 100).firstN(0).isEmpty());
    assertEquals(
        new RankRange(MAX, MAX), RankRange.atLeast(MAX).firstN(Integer.MAX_VALUE)); // no overflow
    assertEquals(RankRange.ALL, RankRange.ALL.firstN(Integer.MAX_VALUE));
    assertEquals(RankRange.NONE, RankRange.NONE.firstN(5));
    RankRange empty = new RankRange(9, 3);
    assertEquals(empty, empty.firstN(5)); // an empty range stays as it is
  }

  @Test
  void reachable() {
    assertEquals(new RankRange(1, 200), RankRange.ALL.reachable());
    assertEquals(new RankRange(150, 200), new RankRange(150, 400).reachable());
    assertEquals(new RankRange(10, 20), new RankRange(10, 20).reachable());
    assertTrue(RankRange.atLeast(201).reachable().isEmpty());
    assertFalse(new RankRange(200, 200).reachable().isEmpty());
  }

  @Test
  void text() {
    assertEquals("none", RankRange.NONE.toString());
    assertEquals("none", new RankRange(9, 3).toString());
    assertEquals("1..", RankRange.ALL.toString());
    assertEquals("5..", RankRange.atLeast(5).toString());
    assertEquals("5..10", new RankRange(5, 10).toString());
    assertEquals("7..7", new RankRange(7, 7).toString());
  }

  @Test
  void serializable() throws Exception {
    RankRange r = new RankRange(5, 60);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(r);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(r, in.readObject());
    }
  }
}
