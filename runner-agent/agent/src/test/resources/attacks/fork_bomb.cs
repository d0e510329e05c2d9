using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

// Starts children until the sandbox refuses one, says how many it got, and holds them all.
public class Program {
  public static void Main() {
    var children = new List<Process>();
    try {
      for (;;) {
        children.Add(Process.Start(new ProcessStartInfo("sleep", "1000") { UseShellExecute = false }));
      }
    } catch (Exception) {
      Console.WriteLine("refused after " + children.Count + " children");
    }
    Thread.Sleep(Timeout.Infinite);
  }
}
