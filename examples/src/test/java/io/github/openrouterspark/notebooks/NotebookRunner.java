package io.github.openrouterspark.notebooks;

import io.github.openrouterspark.emulator.OpenRouterEmulator;
import io.github.openrouterspark.notebooks.NotebookWork.ReaderChain;
import io.github.openrouterspark.notebooks.NotebookWork.SqlStatement;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a notebook's Spark work the way the notebook would, on a local SparkSession pointed at an
 * emulator. Each runner has its own session ({@link SparkSession#newSession()}: own temporary views
 * and SQL confs, shared SparkContext), so notebooks cannot see each other's views and the confs set
 * here do not leak into other tests.
 *
 * <p>The emulator is configured the way the notebooks' set-up cells configure the live API: through
 * the session confs {@code spark.datasource.openrouter.*}, which apply to every reader chain and
 * every {@code USING openrouter} view. Any failure (an unknown option, a rejected request, a SQL
 * error) propagates as a {@link NotebookQueryException} naming the cell.
 */
final class NotebookRunner {
  private static final String CONF = "spark.datasource.openrouter.";

  /**
   * Statements whose result rows the check asserts on; the others (CREATE VIEW, ...) only have to
   * succeed.
   */
  private static final Pattern QUERY =
      Pattern.compile("^(SELECT|WITH|FROM|VALUES|TABLE|EXPLAIN|SHOW|DESCRIBE)\\b");

  /** A {@code path '...'} option of a USING clause. */
  private static final Pattern PATH_OPTION = Pattern.compile("(?i)(\\bpath\\s+')([^']+)(')");

  private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  private final SparkSession session;
  private final Path notebookDir;

  /**
   * @param base the session whose SparkContext to share
   * @param notebookDir the notebook's folder: Jupyter runs a notebook's kernel there, so relative
   *     paths in its SQL resolve against it
   */
  NotebookRunner(SparkSession base, OpenRouterEmulator emulator, Path notebookDir) {
    this.session = base.newSession();
    this.notebookDir = notebookDir.toAbsolutePath().normalize();
    session.conf().set(CONF + "baseUrl", emulator.baseUrl());
    session.conf().set(CONF + "apiKey", OpenRouterEmulator.DEFAULT_API_KEY);
    // The notebooks keep to the API's 30 requests/minute; the check need not wait for it.
    session.conf().set(CONF + "rateLimitPerMinute", "10000");
  }

  SparkSession session() {
    return session;
  }

  /** The chain's DataFrame, defined as the notebook defines it (options are checked here). */
  Dataset<Row> read(ReaderChain chain) {
    return attempt(
        chain.where(),
        () -> {
          DataFrameReader reader = session.read().format("openrouter");
          for (Map.Entry<String, String> option : chain.options().entrySet()) {
            reader = reader.option(option.getKey(), option.getValue());
          }
          Dataset<Row> df = chain.path() == null ? reader.load() : reader.load(chain.path());
          for (String filter : chain.filters()) {
            df = df.where(filter);
          }
          return df;
        });
  }

  /** Rows of the chain, which must not be empty. */
  long countRows(ReaderChain chain) {
    long rows = attempt(chain.where(), () -> read(chain).count());
    if (rows == 0) {
      throw new NotebookQueryException(chain.where() + ": the reader returned no rows");
    }
    return rows;
  }

  /** Runs one statement; a query must return rows. Returns the number of rows (0 for commands). */
  long run(SqlStatement statement) {
    return attempt(
        statement.where(),
        () -> {
          Dataset<Row> result = session.sql(resolvePaths(statement.sql(), notebookDir));
          if (!isQuery(statement.sql())) {
            return 0L;
          }
          long rows = result.count();
          if (rows == 0) {
            throw new NotebookQueryException(
                statement.where() + ": the query returned no rows:\n" + statement.sql());
          }
          return rows;
        });
  }

  static boolean isQuery(String sql) {
    return QUERY.matcher(sql.stripLeading().toUpperCase(Locale.ROOT)).find();
  }

  /**
   * Resolves relative {@code path '...'} options against the notebook's folder, as its kernel
   * would.
   */
  static String resolvePaths(String sql, Path notebookDir) {
    Matcher m = PATH_OPTION.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String path = m.group(2);
      String resolved =
          path.startsWith("/") || URI_SCHEME.matcher(path).find()
              ? path
              : notebookDir.resolve(path).normalize().toString();
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + resolved + m.group(3)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private interface Step<T> {
    T run();
  }

  private static <T> T attempt(String where, Step<T> step) {
    try {
      return step.run();
    } catch (NotebookQueryException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new NotebookQueryException(where + ": " + e.getMessage(), e);
    }
  }

  /** A notebook's Spark work failed; the message starts with the notebook cell and line. */
  static final class NotebookQueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotebookQueryException(String message) {
      super(message);
    }

    NotebookQueryException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
