package io.github.openrouterspark.spark.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The stream's first offset, kept under the source's checkpoint folder ({@code
 * <checkpoint>/sources/<n>}) the first time the query starts. Spark asks for the initial offset
 * again after a crash before batch 0 was logged; the default start moves with the clock (and
 * options may be edited between runs), so the start is read back from here instead of recomputed,
 * as Kafka's source does. Any Hadoop file system works (local, HDFS, S3, ABFS, DBFS).
 */
final class InitialOffsetFile {
  static final String NAME = "openrouter-initial-offset.json";

  private final Path file;
  private final Configuration conf;

  InitialOffsetFile(String checkpointLocation, Configuration conf) {
    this.file = new Path(checkpointLocation, NAME);
    this.conf = conf;
  }

  /** The stored JSON, else {@code json} once stored (written to a temporary file, then renamed). */
  String readOrWrite(String json) {
    try {
      FileSystem fs = file.getFileSystem(conf);
      if (fs.exists(file)) {
        return read(fs);
      }
      fs.mkdirs(file.getParent());
      Path temporary = new Path(file.getParent(), "." + NAME + "." + System.nanoTime() + ".tmp");
      try (OutputStream out = fs.create(temporary, false)) {
        out.write(json.getBytes(StandardCharsets.UTF_8));
      }
      // A concurrent start of the same query may have won: its start is then the start.
      if (!fs.rename(temporary, file)) {
        fs.delete(temporary, false);
      }
      return read(fs);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the stream's initial offset in " + file, e);
    }
  }

  private String read(FileSystem fs) throws IOException {
    try (InputStream in = fs.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }
}
