package netforge.runtime.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds the bytes of a safetensors file by hand, straight from the format's description (length field, header,
 * data), so tests can state exactly what a correct file is and make malformed ones the writer never would.
 */
final class RawFile {
  private byte[] header = "{}".getBytes(StandardCharsets.UTF_8);
  private byte[] data = new byte[0];
  private Long lengthField;

  /** The header as JSON text, unpadded. */
  RawFile header(String json) {
    this.header = json.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  RawFile headerBytes(byte[] bytes) {
    this.header = bytes.clone();
    return this;
  }

  /** Pads the header with spaces to a multiple of 8 bytes, as the format's writers do. */
  RawFile padded() {
    int padding = (8 - header.length % 8) % 8;
    header = (new String(header, StandardCharsets.UTF_8) + " ".repeat(padding)).getBytes(StandardCharsets.UTF_8);
    return this;
  }

  RawFile data(byte[] bytes) {
    this.data = bytes.clone();
    return this;
  }

  /** Little-endian F32 values as the data buffer. */
  RawFile floats(float... values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float value : values) {
      buffer.putFloat(value);
    }
    return data(buffer.array());
  }

  /** Overrides the header length field (otherwise the header's real length). */
  RawFile lengthField(long value) {
    this.lengthField = value;
    return this;
  }

  byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long length = lengthField != null ? lengthField : header.length;
    out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(length).array());
    out.writeBytes(header);
    out.writeBytes(data);
    return out.toByteArray();
  }

  Path writeTo(Path file) throws IOException {
    return Files.write(file, bytes());
  }
}
