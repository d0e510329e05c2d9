using System;
using System.IO;

// Fails with the IOException of the first write that does not fit.
public class Program {
  public static void Main() {
    string target = Console.ReadLine().Trim();
    var chunk = new byte[1000000];
    for (int n = 0; ; n++) {
      using (var f = new FileStream(target + "/fill-" + n, FileMode.Create)) {
        for (int i = 0; i < 8; i++) f.Write(chunk, 0, chunk.Length);
      }
    }
  }
}
