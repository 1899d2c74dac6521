package netforge.runtime.onnx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netforge.runtime.io.AtomicFiles;
import netforge.runtime.onnx.proto.OnnxProtos.StringStringEntryProto;
import netforge.runtime.onnx.proto.OnnxProtos.TensorProto;

/**
 * ONNX's answer to protobuf's 2 GiB limit: tensors kept in a file beside the model, which refers to each by the
 * file's name (relative to the model's directory), offset and length. Offsets are multiples of 4096, as the spec
 * recommends so that runtimes can map the file into memory.
 */
final class ExternalData {
  static final int ALIGNMENT = 4096;
  private static final int CHUNK_FLOATS = 1 << 16;

  private record Segment(float[] values, int from, int count, long offset) {}

  private final String location;
  private final List<Segment> segments = new ArrayList<>();
  private long end;

  /** Tensors for a data file named {@code location}, in the model's directory. */
  ExternalData(String location) {
    this.location = location;
  }

  /** A tensor of {@code dims} whose values, {@code values[from ..]}, go to the data file. */
  TensorProto tensor(String name, int[] dims, float[] values, int from) {
    int count = Math.toIntExact(Arrays.stream(dims).asLongStream().reduce(1, Math::multiplyExact));
    long offset = (end + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    long length = (long) count * Float.BYTES;
    segments.add(new Segment(values, from, count, offset));
    end = offset + length;
    TensorProto.Builder tensor = TensorProto.newBuilder().setName(name)
        .setDataType(TensorProto.DataType.FLOAT_VALUE)
        .setDataLocation(TensorProto.DataLocation.EXTERNAL)
        .addExternalData(entry("location", location))
        .addExternalData(entry("offset", Long.toString(offset)))
        .addExternalData(entry("length", Long.toString(length)));
    for (int d : dims) {
      tensor.addDims(d);
    }
    return tensor.build();
  }

  /** Writes the data file, atomically: little-endian floats at their offsets, zeros in between. */
  void write(Path file) throws IOException {
    AtomicFiles.write(file, this::writeTo);
  }

  private void writeTo(OutputStream out) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(CHUNK_FLOATS * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    long position = 0;
    for (Segment s : segments) {
      out.write(new byte[Math.toIntExact(s.offset() - position)]);
      for (int done = 0; done < s.count(); ) {
        int n = Math.min(CHUNK_FLOATS, s.count() - done);
        bytes.clear();
        bytes.asFloatBuffer().put(s.values(), s.from() + done, n);
        out.write(bytes.array(), 0, n * Float.BYTES);
        done += n;
      }
      position = s.offset() + (long) s.count() * Float.BYTES;
    }
  }

  private static StringStringEntryProto entry(String key, String value) {
    return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
  }
}
