package io.github.openrouterspark.spark.stream;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;

/** Reads a {@link StreamPartition} with the factory its batch scan gave it. */
final class StreamReaderFactory implements PartitionReaderFactory {
  static final StreamReaderFactory INSTANCE = new StreamReaderFactory();

  private StreamReaderFactory() {}

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    StreamPartition p = (StreamPartition) partition;
    return p.factory().createReader(p.partition());
  }
}
