// Tries every way to get a function-mode run's hidden tests out to the candidate: what /code, /tmp
// and /proc hold at load time, the value and the error of public cases, a thread and a child
// process that print what comes later, and the exit code, time and memory of the run.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;

public class Solution {
  static readonly List<string> seen = new List<string>();

  static Solution() {
    Console.WriteLine("load dump " + Listing(true));
    var watcher = new Thread(() => {
      int count = 0;
      while (true) {
        string line = null;
        lock (seen) {
          if (seen.Count != count) {
            count = seen.Count;
            line = "thread saw " + count + ": " + string.Join(" | ", seen);
          }
        }
        if (line != null) Console.WriteLine(line);
        Thread.Sleep(20);
      }
    });
    watcher.IsBackground = true;
    watcher.Start();
  }

  static string Joined() {
    lock (seen) return string.Join(" | ", seen);
  }

  static string Read(string path, int limit) {
    try {
      using (var f = new FileStream(path, FileMode.Open, FileAccess.Read)) {
        var buffer = new byte[limit];
        int n = f.Read(buffer, 0, limit);
        return Encoding.UTF8.GetString(buffer, 0, n).Replace('\0', ' ');
      }
    } catch (Exception e) {
      return "<" + e.GetType().Name + ">";
    }
  }

  static string Listing(bool full) {
    var parts = new List<string>();
    foreach (var dir in new[] { "/code", "/tmp" }) {
      foreach (var path in Directory.GetFileSystemEntries(dir).OrderBy(p => p, StringComparer.Ordinal)) {
        var name = Path.GetFileName(path);
        bool source = dir == "/code" && Regex.IsMatch(name, @"^(main|Main|solution|Solution)\.|^\.coderoom-");
        if (File.Exists(path) && new FileInfo(path).Length > 0 && !source) {
          parts.Add(path + ": " + Read(path, full ? 1500 : 300));
        } else {
          parts.Add(path);
        }
      }
    }
    if (full) {
      foreach (var pid in Directory.GetDirectories("/proc").Where(p => Regex.IsMatch(Path.GetFileName(p), @"^\d+$"))) {
        parts.Add(pid + ": " + Read(pid + "/cmdline", 300) + " | " + Read(pid + "/environ", 300));
      }
    }
    return string.Join("; ", parts);
  }

  static Process Shell(string script, string carry) {
    var start = new ProcessStartInfo("/bin/sh", "-c \"" + script + "\"");
    start.UseShellExecute = false;
    start.EnvironmentVariables["CARRY"] = carry;
    return Process.Start(start);
  }

  public string ReverseWords(string s) {
    int n;
    // The curated problem's third example is answered plainly and not counted (see leak.py).
    if (s == "coding  is   fun") return "fun is coding";
    lock (seen) {
      seen.Add(s);
      n = seen.Count;
    }
    if (n == 1) return "case0 returns " + Listing(false) + "; seen " + Joined();
    if (n == 2) throw new InvalidOperationException("case1 throws " + Listing(false) + "; seen " + Joined());
    if (n == 3) {
      Console.WriteLine("hidden prints " + s);
      Shell("sleep 0.2; echo child carries $CARRY", s);
      throw new InvalidOperationException("hidden throws " + s);
    }
    if (n == 4) {
      Shell("head -c 400000000 /dev/zero | tail -n 1 > /dev/null", "").WaitForExit();
      Thread.Sleep(1500);
      Console.WriteLine("hidden exits " + s);
      Console.Out.Flush();
      Environment.Exit(42);
    }
    var words = s.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
    Array.Reverse(words);
    return string.Join(" ", words);
  }
}
