import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

public class Main {
  private static final InputStream IN = new BufferedInputStream(System.in, 1 << 16);

  /** The next integer on stdin, skipping whitespace (faster than a Scanner on large inputs). */
  private static long nextLong() throws IOException {
    int c = IN.read();
    while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      c = IN.read();
    }
    boolean negative = c == '-';
    if (negative) {
      c = IN.read();
    }
    long value = 0;
    while (c >= '0' && c <= '9') {
      value = value * 10 + (c - '0');
      c = IN.read();
    }
    return negative ? -value : value;
  }

  public static void main(String[] args) throws IOException {
    int n = (int) nextLong();
    // prefix[i] is the sum of the first i numbers, so a[l..r] = prefix[r] - prefix[l - 1].
    long[] prefix = new long[n + 1];
    for (int i = 0; i < n; i++) {
      prefix[i + 1] = prefix[i] + nextLong();
    }
    int q = (int) nextLong();
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < q; k++) {
      int l = (int) nextLong();
      int r = (int) nextLong();
      out.append(prefix[r] - prefix[l - 1]).append('\n');
    }
    System.out.print(out);
    System.out.flush();
  }
}
