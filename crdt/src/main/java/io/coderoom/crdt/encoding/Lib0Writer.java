package io.coderoom.crdt.encoding;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Growable byte array writer with the encodings of lib0/encoding.js. Output is byte-identical to
 * lib0 for every method.
 */
public final class Lib0Writer {
  private static final long BITS31 = 0x7FFFFFFFL;

  private byte[] buf;
  private int pos;

  public Lib0Writer() {
    this(64);
  }

  public Lib0Writer(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  /** Number of bytes written so far. */
  public int length() {
    return pos;
  }

  /** Copy of the bytes written so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, pos);
  }

  /** Forgets everything written, keeping the buffer. */
  public void reset() {
    pos = 0;
  }

  private void ensure(int extra) {
    int need = pos + extra;
    if (need > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(need, buf.length * 2));
    }
  }

  public void writeUint8(int b) {
    if (pos == buf.length) {
      ensure(1);
    }
    buf[pos++] = (byte) b;
  }

  public void writeUint16(int v) {
    writeUint8(v & 0xFF);
    writeUint8((v >>> 8) & 0xFF);
  }

  public void writeUint32(long v) {
    for (int i = 0; i < 4; i++) {
      writeUint8((int) (v & 0xFF));
      v >>>= 8;
    }
  }

  public void writeUint32BigEndian(long v) {
    for (int i = 3; i >= 0; i--) {
      writeUint8((int) ((v >>> (8 * i)) & 0xFF));
    }
  }

  /** Unsigned LEB128 as lib0 {@code writeVarUint}; valid for 0 .. 2^53-1. */
  public void writeVarUint(long num) {
    ensure(10);
    while (num > 0x7F) {
      buf[pos++] = (byte) (0x80 | (num & 0x7F));
      num >>>= 7;
    }
    buf[pos++] = (byte) num;
  }

  /** lib0 {@code writeVarInt}: sign bit in the first byte, magnitude after. */
  public void writeVarInt(long num) {
    boolean negative = num < 0;
    writeVarIntMagnitude(negative ? -num : num, negative);
  }

  /** lib0 {@code writeVarInt} for an integral double, keeping the sign of {@code -0.0}. */
  public void writeVarInt(double num) {
    boolean negative = num < 0 || (num == 0 && 1 / num < 0);
    writeVarIntMagnitude((long) Math.abs(num), negative);
  }

  private void writeVarIntMagnitude(long num, boolean negative) {
    ensure(11);
    buf[pos++] = (byte) ((num > 0x3F ? 0x80 : 0) | (negative ? 0x40 : 0) | (num & 0x3F));
    num >>>= 6;
    while (num > 0) {
      buf[pos++] = (byte) ((num > 0x7F ? 0x80 : 0) | (num & 0x7F));
      num >>>= 7;
    }
  }

  /** Length-prefixed UTF-8 like TextEncoder: lone surrogates become U+FFFD (EF BF BD). */
  public void writeVarString(String s) {
    int n = s.length();
    int ascii = 0;
    while (ascii < n && s.charAt(ascii) < 0x80) {
      ascii++;
    }
    if (ascii == n) {
      writeVarUint(n);
      ensure(n);
      for (int i = 0; i < n; i++) {
        buf[pos++] = (byte) s.charAt(i);
      }
      return;
    }
    int len = Utf8.encodedLength(s);
    writeVarUint(len);
    ensure(len);
    pos = Utf8.encode(s, buf, pos);
  }

  public void writeUint8Array(byte[] b) {
    writeUint8Array(b, 0, b.length);
  }

  public void writeUint8Array(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, pos, len);
    pos += len;
  }

  public void writeVarUint8Array(byte[] b) {
    writeVarUint(b.length);
    writeUint8Array(b);
  }

  /** Appends everything written to {@code other} (lib0 {@code writeBinaryEncoder}). */
  public void writeWriter(Lib0Writer other) {
    writeUint8Array(other.buf, 0, other.pos);
  }

  public void writeFloat32(float f) {
    writeUint32BigEndian(Float.floatToRawIntBits(f) & 0xFFFFFFFFL);
  }

  public void writeFloat64(double d) {
    writeBigInt64(Double.doubleToRawLongBits(d));
  }

  public void writeBigInt64(long v) {
    ensure(8);
    for (int i = 7; i >= 0; i--) {
      buf[pos++] = (byte) (v >>> (8 * i));
    }
  }

  /**
   * lib0 {@code writeAny}. Numbers follow JavaScript rules: an integral value with magnitude up to
   * 2^31-1 is a varInt (tag 125), else float32 when exact (124), else float64 (123).
   */
  public void writeAny(Object data) {
    if (data == null) {
      writeUint8(Lib0Any.TAG_NULL);
    } else if (data instanceof String s) {
      writeUint8(Lib0Any.TAG_STRING);
      writeVarString(s);
    } else if (data instanceof Boolean b) {
      writeUint8(b ? Lib0Any.TAG_TRUE : Lib0Any.TAG_FALSE);
    } else if (data instanceof Integer || data instanceof Short || data instanceof Byte) {
      writeNumber(((Number) data).longValue());
    } else if (data instanceof Long l) {
      writeNumber(l);
    } else if (data instanceof Double || data instanceof Float) {
      writeNumber(((Number) data).doubleValue());
    } else if (data instanceof BigInteger bi) {
      writeUint8(Lib0Any.TAG_BIGINT);
      writeBigInt64(bi.longValue());
    } else if (data instanceof byte[] bytes) {
      writeUint8(Lib0Any.TAG_UINT8ARRAY);
      writeVarUint8Array(bytes);
    } else if (data instanceof List<?> list) {
      writeUint8(Lib0Any.TAG_ARRAY);
      writeVarUint(list.size());
      for (Object o : list) {
        writeAny(o);
      }
    } else if (data instanceof Object[] arr) {
      writeAny(Arrays.asList(arr));
    } else if (data instanceof Map<?, ?> map) {
      writeUint8(Lib0Any.TAG_OBJECT);
      List<String> keys = JsObjects.keys(map);
      writeVarUint(keys.size());
      boolean stringKeys = map.keySet().stream().allMatch(k -> k instanceof String);
      for (String key : keys) {
        writeVarString(key);
        writeAny(stringKeys ? map.get(key) : valueOf(map, key));
      }
    } else if (data == Lib0Any.UNDEFINED) {
      writeUint8(Lib0Any.TAG_UNDEFINED);
    } else if (data instanceof Character c) {
      writeAny(String.valueOf(c));
    } else if (data instanceof Number n) {
      writeNumber(n.doubleValue());
    } else {
      throw new IllegalArgumentException(
          "cannot encode a " + data.getClass().getName() + " as a lib0 value");
    }
  }

  /**
   * Throws IllegalArgumentException if {@link #writeAny} cannot encode {@code data}, without
   * writing anything.
   */
  public static void checkAny(Object data) {
    checkAny(data, 0);
  }

  private static void checkAny(Object data, int depth) {
    if (depth > 1000) {
      throw new IllegalArgumentException("value nested too deeply");
    }
    if (data == null
        || data == Lib0Any.UNDEFINED
        || data instanceof String
        || data instanceof Boolean
        || data instanceof Number
        || data instanceof Character
        || data instanceof byte[]) {
      return;
    }
    if (data instanceof List<?> list) {
      for (Object o : list) {
        checkAny(o, depth + 1);
      }
    } else if (data instanceof Object[] arr) {
      for (Object o : arr) {
        checkAny(o, depth + 1);
      }
    } else if (data instanceof Map<?, ?> map) {
      for (Object o : map.values()) {
        checkAny(o, depth + 1);
      }
    } else {
      throw new IllegalArgumentException(
          "cannot encode a " + data.getClass().getName() + " as a lib0 value");
    }
  }

  private static Object valueOf(Map<?, ?> map, String key) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (String.valueOf(e.getKey()).equals(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  private void writeNumber(long v) {
    if (v >= -BITS31 && v <= BITS31) {
      writeUint8(Lib0Any.TAG_INTEGER);
      writeVarInt(v);
    } else {
      writeNumber((double) v);
    }
  }

  private void writeNumber(double d) {
    if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) <= BITS31) {
      writeUint8(Lib0Any.TAG_INTEGER);
      writeVarInt(d);
    } else if ((double) (float) d == d) {
      writeUint8(Lib0Any.TAG_FLOAT32);
      writeFloat32((float) d);
    } else {
      writeUint8(Lib0Any.TAG_FLOAT64);
      writeFloat64(d);
    }
  }
}
