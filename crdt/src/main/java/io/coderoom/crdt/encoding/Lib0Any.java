package io.coderoom.crdt.encoding;

/** Values of lib0 {@code writeAny} that have no natural Java counterpart. */
public final class Lib0Any {
  /** JavaScript {@code undefined} (lib0 tag 127). */
  public static final Object UNDEFINED =
      new Object() {
        @Override
        public String toString() {
          return "undefined";
        }
      };

  /** lib0 tag bytes of {@code writeAny}, see lib0/encoding.js. */
  public static final int TAG_UINT8ARRAY = 116;

  public static final int TAG_ARRAY = 117;
  public static final int TAG_OBJECT = 118;
  public static final int TAG_STRING = 119;
  public static final int TAG_TRUE = 120;
  public static final int TAG_FALSE = 121;
  public static final int TAG_BIGINT = 122;
  public static final int TAG_FLOAT64 = 123;
  public static final int TAG_FLOAT32 = 124;
  public static final int TAG_INTEGER = 125;
  public static final int TAG_NULL = 126;
  public static final int TAG_UNDEFINED = 127;

  private Lib0Any() {}
}
