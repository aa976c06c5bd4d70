package io.github.openrouterspark.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** A store on this machine's file system, through java.nio (core's tests; Spark uses Hadoop's). */
public record LocalStoreLocation(String directory) implements StoreLocation {
  @Override
  public StoreFiles open() {
    Path root = Path.of(directory);
    return new StoreFiles() {
      @Override
      public InputStream openIfExists(String name) throws IOException {
        try {
          return Files.newInputStream(root.resolve(name));
        } catch (NoSuchFileException e) {
          return null;
        }
      }

      @Override
      public void writeAtomically(String name, byte[] content) throws IOException {
        Path target = root.resolve(name);
        Files.createDirectories(target.getParent());
        // A unique temporary name in the same directory, so the move is a rename.
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID());
        Files.write(temp, content);
        try {
          Files.move(
              temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
          Files.deleteIfExists(temp);
        }
      }

      @Override
      public void delete(String name) throws IOException {
        Files.deleteIfExists(root.resolve(name));
      }
    };
  }

  @Override
  public String toString() {
    return directory;
  }
}
