package netforge.runtime.data;

import java.nio.ByteBuffer;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One change to a valid file's bytes, for the readers' property tests: the damage real files suffer (cut short,
 * grown, bits flipped) and the lies a header can tell (a size replaced with an extreme or random value).
 */
sealed interface Mutation {
  byte[] applyTo(byte[] bytes);

  /** Keeps only the first {@code fraction} of the bytes. */
  record Truncate(double fraction) implements Mutation {
    @Override
    public byte[] applyTo(byte[] bytes) {
      return Arrays.copyOf(bytes, (int) (bytes.length * fraction));
    }
  }

  /** Appends {@code extra}. */
  record Append(byte[] extra) implements Mutation {
    @Override
    public byte[] applyTo(byte[] bytes) {
      byte[] out = Arrays.copyOf(bytes, bytes.length + extra.length);
      System.arraycopy(extra, 0, out, bytes.length, extra.length);
      return out;
    }
  }

  /** XORs the byte at {@code fraction} of the length with {@code mask}. */
  record Flip(double fraction, byte mask) implements Mutation {
    @Override
    public byte[] applyTo(byte[] bytes) {
      byte[] out = bytes.clone();
      if (out.length > 0) {
        out[Math.min(out.length - 1, (int) (out.length * fraction))] ^= mask == 0 ? 1 : mask;
      }
      return out;
    }
  }

  /** Overwrites the big-endian int at byte {@code offset} (a header field) with {@code value}. */
  record SetInt(int offset, int value) implements Mutation {
    @Override
    public byte[] applyTo(byte[] bytes) {
      byte[] out = bytes.clone();
      if (offset + 4 <= out.length) {
        ByteBuffer.wrap(out).putInt(offset, value);
      }
      return out;
    }
  }

  /** Sets the byte at {@code offset} (a CIFAR label, say) to {@code value}. */
  record SetByte(int offset, byte value) implements Mutation {
    @Override
    public byte[] applyTo(byte[] bytes) {
      byte[] out = bytes.clone();
      if (offset < out.length) {
        out[offset] = value;
      }
      return out;
    }
  }

  static Arbitrary<Mutation> any(int headerBytes) {
    Arbitrary<Double> fraction = Arbitraries.doubles().between(0, 1);
    Arbitrary<Integer> extremes = Arbitraries.of(-1, 0, 1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x00000801,
        0x00000803, 60_000, 1 << 20, 1 << 30);
    Arbitrary<Integer> ints = Arbitraries.oneOf(extremes, Arbitraries.integers());
    return Arbitraries.oneOf(
        fraction.map(Truncate::new),
        Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(5000).map(Append::new),
        Combinators.combine(fraction, Arbitraries.bytes()).as(Flip::new),
        Combinators.combine(Arbitraries.integers().between(0, headerBytes / 4 - 1).map(i -> 4 * i), ints)
            .as(SetInt::new),
        Combinators.combine(Arbitraries.integers().between(0, 4 * 3073), Arbitraries.bytes()).as(SetByte::new));
  }
}
