using System;

public class Program {
  public static void Main() {
    var chunk = new byte[1000000];
    for (int i = 0; i < chunk.Length; i++) chunk[i] = (byte) 'x';
    var stdout = Console.OpenStandardOutput();
    for (int i = 0; i < 100; i++) stdout.Write(chunk, 0, chunk.Length);
  }
}
