package io.coderoom.server.run;

/**
 * How much code a run takes. A room's document may hold up to 32 MiB, but every run copies the code
 * into a Redis job, a database row and a container, ten times a minute per room; interview
 * solutions are a few KiB, and even generated tables fit well within this limit.
 */
public final class RunLimits {
  /** The most code a run takes, in UTF-8 bytes (256 KiB). */
  public static final int MAX_CODE_BYTES = 256 * 1024;

  /** The refusal's sentence. */
  public static final String CODE_TOO_LARGE =
      "The code is over 256 KiB, the most a run takes; shorten it to run it.";

  private RunLimits() {}

  /** Whether the code is over {@link #MAX_CODE_BYTES} once encoded as UTF-8. */
  public static boolean codeTooLarge(String code) {
    if (code.length() > MAX_CODE_BYTES) {
      // Every char takes at least one byte: no need to count a long document's bytes.
      return true;
    }
    long bytes = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < code.length()
          && Character.isLowSurrogate(code.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes > MAX_CODE_BYTES;
  }
}
