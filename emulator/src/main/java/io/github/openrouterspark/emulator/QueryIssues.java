package io.github.openrouterspark.emulator;

import java.util.List;

/**
 * The 400s of {@code POST /analytics/query} in zod's wording ({@code "<dotted path>: <issue>"}),
 * shared by the body parser and the planner.
 */
final class QueryIssues {
  private QueryIssues() {}

  static RequestRejected bad(String message) {
    return new RequestRejected(ApiError.badRequest(message));
  }

  /** {@code value} if it is a string, else the 400 zod sends for a non-string at {@code where}. */
  static String string(String where, Object value) throws RequestRejected {
    if (value instanceof String s) {
      return s;
    }
    throw bad(where + ": Invalid input: expected string, received " + JsonTypes.name(value));
  }

  /** {@code "a"|"b"|"c"}, as zod lists the options of an enum. */
  static String quoted(List<String> names) {
    return String.join("|", names.stream().map(n -> '"' + n + '"').toList());
  }
}
