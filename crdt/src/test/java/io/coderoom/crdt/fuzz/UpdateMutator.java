package io.coderoom.crdt.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Mutates real Yjs updates: bit flips, truncation, splices, crossovers and varint blow-ups. */
final class UpdateMutator {
  private static final int[] INTERESTING = {0x00, 0x01, 0x7f, 0x80, 0xff, 0x77, 0x7d, 0x7e, 0x04};

  private final Random rnd;
  private final List<byte[]> corpus;

  UpdateMutator(Random rnd, List<byte[]> corpus) {
    this.rnd = rnd;
    this.corpus = corpus;
  }

  byte[] mutate(byte[] input) {
    byte[] b = input.clone();
    int rounds = 1 + rnd.nextInt(rnd.nextInt(8) == 0 ? 8 : 2);
    for (int k = 0; k < rounds; k++) {
      b = once(b);
    }
    return b;
  }

  private byte[] once(byte[] b) {
    if (b.length == 0) {
      return new byte[] {(byte) rnd.nextInt(256)};
    }
    int at = rnd.nextInt(b.length);
    switch (rnd.nextInt(11)) {
      case 0 -> {
        b[at] ^= (byte) (1 << rnd.nextInt(8));
        return b;
      }
      case 1 -> {
        b[at] = (byte) INTERESTING[rnd.nextInt(INTERESTING.length)];
        return b;
      }
      case 2 -> {
        b[at] = (byte) rnd.nextInt(256);
        return b;
      }
      case 3 -> {
        return Arrays.copyOf(b, at); // truncate
      }
      case 4 -> {
        // delete a range
        int len = 1 + rnd.nextInt(Math.min(16, b.length - at));
        return splice(b, at, len, new byte[0]);
      }
      case 5 -> {
        // insert random bytes
        byte[] ins = new byte[1 + rnd.nextInt(8)];
        rnd.nextBytes(ins);
        return splice(b, at, 0, ins);
      }
      case 6 -> {
        // varint blow-up: a long run of continuation bytes, sometimes unterminated
        int n = 5 + rnd.nextInt(10);
        byte[] ins = new byte[n];
        Arrays.fill(ins, (byte) 0xff);
        if (rnd.nextBoolean()) {
          ins[n - 1] = 0x7f;
        }
        return splice(b, at, rnd.nextInt(2), ins);
      }
      case 7 -> {
        // a huge but well-formed varint (length or clock) in place of one byte
        byte[] ins = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f};
        return splice(b, at, 1, ins);
      }
      case 8 -> {
        // crossover with another real update
        byte[] other = corpus.get(rnd.nextInt(corpus.size()));
        if (other.length == 0) {
          return b;
        }
        int from = rnd.nextInt(other.length);
        int len = 1 + rnd.nextInt(Math.min(32, other.length - from));
        return splice(
            b,
            at,
            rnd.nextInt(Math.min(8, b.length - at) + 1),
            Arrays.copyOfRange(other, from, from + len));
      }
      case 9 -> {
        // duplicate a range in place
        int len = 1 + rnd.nextInt(Math.min(16, b.length - at));
        return splice(b, at, 0, Arrays.copyOfRange(b, at, at + len));
      }
      default -> {
        // small arithmetic on a byte (clock / length off by a little)
        b[at] = (byte) (b[at] + (rnd.nextBoolean() ? 1 : -1) * (1 + rnd.nextInt(3)));
        return b;
      }
    }
  }

  private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + insert.length);
    out.write(b, 0, at);
    out.write(insert, 0, insert.length);
    int rest = Math.min(b.length, at + remove);
    out.write(b, rest, b.length - rest);
    return out.toByteArray();
  }
}
