package io.coderoom.crdt.encoding;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reader for the encodings of lib0/decoding.js over a byte array. Every read checks the remaining
 * bytes first and throws {@link Lib0Exception} on truncated or malformed input; it never allocates
 * more than the input could hold.
 */
public final class Lib0Reader {
  /** Largest integer lib0 reads exactly (Number.MAX_SAFE_INTEGER). */
  public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private static final int MAX_ANY_DEPTH = 1000;

  private final byte[] arr;
  private final int end;
  private int pos;

  public Lib0Reader(byte[] data) {
    this(data, 0, data.length);
  }

  public Lib0Reader(byte[] data, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > data.length) {
      throw new IndexOutOfBoundsException("bad slice");
    }
    this.arr = data;
    this.pos = offset;
    this.end = offset + length;
  }

  public int position() {
    return pos;
  }

  public int remaining() {
    return end - pos;
  }

  public boolean hasContent() {
    return pos != end;
  }

  private void need(long n) {
    if (n < 0 || n > end - pos) {
      throw Lib0Exception.unexpectedEnd();
    }
  }

  public int readUint8() {
    if (pos >= end) {
      throw Lib0Exception.unexpectedEnd();
    }
    return arr[pos++] & 0xFF;
  }

  public int peekUint8() {
    if (pos >= end) {
      throw Lib0Exception.unexpectedEnd();
    }
    return arr[pos] & 0xFF;
  }

  public int readUint16() {
    need(2);
    int v = (arr[pos] & 0xFF) | ((arr[pos + 1] & 0xFF) << 8);
    pos += 2;
    return v;
  }

  public long readUint32() {
    need(4);
    long v =
        (arr[pos] & 0xFFL)
            | ((arr[pos + 1] & 0xFFL) << 8)
            | ((arr[pos + 2] & 0xFFL) << 16)
            | ((arr[pos + 3] & 0xFFL) << 24);
    pos += 4;
    return v;
  }

  public long readUint32BigEndian() {
    need(4);
    long v =
        ((arr[pos] & 0xFFL) << 24)
            | ((arr[pos + 1] & 0xFFL) << 16)
            | ((arr[pos + 2] & 0xFFL) << 8)
            | (arr[pos + 3] & 0xFFL);
    pos += 4;
    return v;
  }

  /** lib0 {@code readVarUint}; values above 2^53-1 are rejected. */
  public long readVarUint() {
    long num = 0;
    int shift = 0;
    while (pos < end) {
      int r = arr[pos++] & 0xFF;
      if (shift < 56) {
        num |= (long) (r & 0x7F) << shift;
      } else if ((r & 0x7F) != 0) {
        throw new Lib0Exception("Integer out of Range");
      }
      if (num > MAX_SAFE_INTEGER) {
        throw new Lib0Exception("Integer out of Range");
      }
      if (r < 0x80) {
        return num;
      }
      shift += 7;
      if (shift > 70) {
        throw new Lib0Exception("Integer out of Range");
      }
    }
    throw Lib0Exception.unexpectedEnd();
  }

  /** lib0 {@code readVarInt}; a negative zero reads as 0. */
  public long readVarInt() {
    return readVarIntRaw(null);
  }

  /** lib0 {@code readVarInt} as a JavaScript number: Long, or Double -0.0 for negative zero. */
  public Number readVarIntNumber() {
    boolean[] negZero = new boolean[1];
    long v = readVarIntRaw(negZero);
    return negZero[0] ? (Number) (-0.0d) : (Number) v;
  }

  private long readVarIntRaw(boolean[] negOut) {
    int r = readUint8();
    long num = r & 0x3F;
    int shift = 6;
    boolean negative = (r & 0x40) != 0;
    if (negOut != null) {
      negOut[0] = negative && num == 0 && (r & 0x80) == 0;
    }
    if ((r & 0x80) == 0) {
      return negative ? -num : num;
    }
    while (pos < end) {
      r = arr[pos++] & 0xFF;
      if (shift < 56) {
        num |= (long) (r & 0x7F) << shift;
      } else if ((r & 0x7F) != 0) {
        throw new Lib0Exception("Integer out of Range");
      }
      if (num > MAX_SAFE_INTEGER) {
        throw new Lib0Exception("Integer out of Range");
      }
      if (r < 0x80) {
        if (negOut != null) {
          negOut[0] = negative && num == 0;
        }
        return negative ? -num : num;
      }
      shift += 7;
      if (shift > 70) {
        throw new Lib0Exception("Integer out of Range");
      }
    }
    throw Lib0Exception.unexpectedEnd();
  }

  /** Length-prefixed strict UTF-8 string. */
  public String readVarString() {
    long len = readVarUint();
    need(len);
    int l = (int) len;
    String s = Utf8.decode(arr, pos, l);
    pos += l;
    return s;
  }

  public byte[] readUint8Array(int len) {
    need(len);
    byte[] out = Arrays.copyOfRange(arr, pos, pos + len);
    pos += len;
    return out;
  }

  public byte[] readVarUint8Array() {
    long len = readVarUint();
    need(len);
    return readUint8Array((int) len);
  }

  public byte[] readTailAsUint8Array() {
    return readUint8Array(end - pos);
  }

  public float readFloat32() {
    return Float.intBitsToFloat((int) readUint32BigEndian());
  }

  public double readFloat64() {
    return Double.longBitsToDouble(readBigInt64());
  }

  public long readBigInt64() {
    need(8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (arr[pos++] & 0xFFL);
    }
    return v;
  }

  /** lib0 {@code readAny}; see Lib0Writer#writeAny for the value mapping. */
  public Object readAny() {
    return readAny(0);
  }

  private Object readAny(int depth) {
    if (depth > MAX_ANY_DEPTH) {
      throw new Lib0Exception("Value nested too deeply");
    }
    int tag = readUint8();
    switch (tag) {
      case Lib0Any.TAG_UNDEFINED:
        return Lib0Any.UNDEFINED;
      case Lib0Any.TAG_NULL:
        return null;
      case Lib0Any.TAG_INTEGER:
        {
          Number n = readVarIntNumber();
          if (n instanceof Long l && l == (int) (long) l) {
            return (int) (long) l;
          }
          return n;
        }
      case Lib0Any.TAG_FLOAT32:
        return readFloat32();
      case Lib0Any.TAG_FLOAT64:
        return readFloat64();
      case Lib0Any.TAG_BIGINT:
        return BigInteger.valueOf(readBigInt64());
      case Lib0Any.TAG_FALSE:
        return Boolean.FALSE;
      case Lib0Any.TAG_TRUE:
        return Boolean.TRUE;
      case Lib0Any.TAG_STRING:
        return readVarString();
      case Lib0Any.TAG_OBJECT:
        {
          long len = readVarUint();
          need(len * 2); // every entry needs a key length and a tag
          Map<String, Object> obj = new LinkedHashMap<>();
          for (long i = 0; i < len; i++) {
            String key = readVarString();
            Object value = readAny(depth + 1);
            putJsStyle(obj, key, value);
          }
          return obj;
        }
      case Lib0Any.TAG_ARRAY:
        {
          long len = readVarUint();
          need(len);
          List<Object> list = new ArrayList<>((int) len);
          for (long i = 0; i < len; i++) {
            list.add(readAny(depth + 1));
          }
          return list;
        }
      case Lib0Any.TAG_UINT8ARRAY:
        return readVarUint8Array();
      default:
        throw new Lib0Exception("Unknown lib0 value tag " + tag);
    }
  }

  /**
   * A JavaScript object keeps the first insertion position of a repeated key and puts integer-like
   * keys first in ascending order; Object.keys order is what lib0 writes back.
   */
  private static void putJsStyle(Map<String, Object> obj, String key, Object value) {
    obj.put(key, value);
  }
}
