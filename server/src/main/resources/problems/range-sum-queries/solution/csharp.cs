using System;
using System.IO;
using System.Text;

public class Program {
  private static readonly Stream In = new BufferedStream(Console.OpenStandardInput(), 1 << 16);

  // The next integer on stdin, skipping whitespace (faster than splitting lines on large inputs).
  private static long NextLong() {
    int c = In.ReadByte();
    while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      c = In.ReadByte();
    }
    bool negative = c == '-';
    if (negative) {
      c = In.ReadByte();
    }
    long value = 0;
    while (c >= '0' && c <= '9') {
      value = value * 10 + (c - '0');
      c = In.ReadByte();
    }
    return negative ? -value : value;
  }

  public static void Main() {
    int n = (int) NextLong();
    // prefix[i] is the sum of the first i numbers, so a[l..r] = prefix[r] - prefix[l - 1].
    long[] prefix = new long[n + 1];
    for (int i = 0; i < n; i++) {
      prefix[i + 1] = prefix[i] + NextLong();
    }
    int q = (int) NextLong();
    var output = new StringBuilder();
    for (int k = 0; k < q; k++) {
      int l = (int) NextLong();
      int r = (int) NextLong();
      output.Append(prefix[r] - prefix[l - 1]).Append('\n');
    }
    var stdout = new StreamWriter(Console.OpenStandardOutput());
    stdout.Write(output.ToString());
    stdout.Flush();
  }
}
