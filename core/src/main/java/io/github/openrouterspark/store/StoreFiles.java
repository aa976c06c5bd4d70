package io.github.openrouterspark.store;

import java.io.IOException;
import java.io.InputStream;

/**
 * The few file operations the response store needs, on some file system (local disk, HDFS, S3,
 * ABFS, DBFS...). Names are relative to the store's root and use {@code /} between directories.
 */
public interface StoreFiles {
  /** The file's content, or null when there is no such file. */
  InputStream openIfExists(String name) throws IOException;

  /**
   * Makes {@code content} the file's content as one step: a reader sees either the old file (or
   * none) or the whole new one, never part of it, even when several JVMs write the same name.
   */
  void writeAtomically(String name, byte[] content) throws IOException;

  /** Removes the file if it exists. */
  void delete(String name) throws IOException;
}
