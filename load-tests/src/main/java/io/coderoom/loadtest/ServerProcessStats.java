package io.coderoom.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time and resident memory of a server process on this machine, from /proc, so any server (Java
 * or node) is measured the same way. CPU time is split into user and kernel time: on loopback the
 * kernel's TCP work per message is the same for every server, so the split shows how much of a
 * difference between servers their own code can make.
 */
record ServerProcessStats(double userSeconds, double kernelSeconds, long rssBytes) {
  /** Linux reports CPU time in clock ticks; USER_HZ is 100 on every mainstream kernel. */
  private static final double TICKS_PER_SECOND = 100;

  static ServerProcessStats read(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the parenthesised command name; utime and stime are the 14th and 15th.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      double user = Long.parseLong(fields[11]) / TICKS_PER_SECOND;
      double kernel = Long.parseLong(fields[12]) / TICKS_PER_SECOND;
      long rss = 0;
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
      return new ServerProcessStats(user, kernel, rss);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot read /proc/" + pid + ": " + e.getMessage(), e);
    }
  }

  /** The processes' figures added up: several server instances measured as one server. */
  static ServerProcessStats readAll(List<Long> pids) {
    ServerProcessStats total = new ServerProcessStats(0, 0, 0);
    for (long pid : pids) {
      ServerProcessStats one = read(pid);
      total =
          new ServerProcessStats(
              total.userSeconds + one.userSeconds,
              total.kernelSeconds + one.kernelSeconds,
              total.rssBytes + one.rssBytes);
    }
    return total;
  }

  /** CPU time used between {@code earlier} and this reading; memory as of this reading. */
  ServerProcessStats since(ServerProcessStats earlier) {
    return new ServerProcessStats(
        userSeconds - earlier.userSeconds, kernelSeconds - earlier.kernelSeconds, rssBytes);
  }

  double cpuSeconds() {
    return userSeconds + kernelSeconds;
  }
}
