package io.github.openrouterspark.spark.read;

import io.github.openrouterspark.store.StoreFiles;
import io.github.openrouterspark.store.StoreLocation;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * A response store ({@code cacheDir}) on any file system Hadoop reaches: local disk, HDFS, DBFS,
 * S3, ABFS. Each JVM opens it with its own Hadoop configuration: the session's on the driver, the
 * {@code spark.hadoop.*} confs on an executor (which is where credentials for object stores are
 * set).
 */
public record HadoopStoreLocation(String directory) implements StoreLocation {
  @Override
  public StoreFiles open() throws IOException {
    Path root = new Path(directory);
    FileSystem fs = raw(root.getFileSystem(configuration()));
    return new StoreFiles() {
      @Override
      public InputStream openIfExists(String name) throws IOException {
        try {
          return fs.open(new Path(root, name));
        } catch (FileNotFoundException e) {
          return null;
        }
      }

      @Override
      public void writeAtomically(String name, byte[] content) throws IOException {
        Path target = new Path(root, name);
        // A unique hidden name beside the target, renamed when complete: readers never see a
        // partial entry, and concurrent writers of one name each rename a whole one.
        Path temp = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID());
        try (FSDataOutputStream out = fs.create(temp, false)) {
          out.write(content);
        }
        try {
          if (!fs.rename(temp, target)) {
            fs.delete(target, false); // an older (expired or corrupt) entry is in the way
            fs.rename(temp, target);
          }
        } finally {
          if (fs.exists(temp)) {
            fs.delete(temp, false);
          }
        }
      }

      @Override
      public void delete(String name) throws IOException {
        fs.delete(new Path(root, name), false);
      }
    };
  }

  /** Local disk without Hadoop's .crc side files: entries carry their own digest. */
  private static FileSystem raw(FileSystem fs) {
    return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
  }

  private static Configuration configuration() {
    if (SparkSession.getActiveSession().isDefined()) {
      return SparkSession.getActiveSession().get().sparkContext().hadoopConfiguration();
    }
    Configuration conf = new Configuration();
    if (SparkEnv.get() != null) {
      for (Tuple2<String, String> entry : SparkEnv.get().conf().getAll()) {
        if (entry._1().startsWith("spark.hadoop.")) {
          conf.set(entry._1().substring("spark.hadoop.".length()), entry._2());
        }
      }
    }
    return conf;
  }

  @Override
  public String toString() {
    return directory;
  }
}
