package io.coderoom.crdt.compat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Drives test-tools/harness.mjs: one long-lived node process running the pinned reference Yjs,
 * spoken to in newline-delimited JSON. Shared by all tests of a JVM and stopped at exit.
 */
public final class YjsHarness implements AutoCloseable {
  private static YjsHarness shared;

  private final Process process;
  private final BufferedWriter in;
  private final BufferedReader out;
  private final Path stderr;
  private long nextId = 1;

  private YjsHarness(Path dir) throws IOException {
    this.stderr = Files.createTempFile("yjs-harness", ".stderr");
    String node = System.getProperty("crdt.node", "node");
    this.process =
        new ProcessBuilder(node, "harness.mjs")
            .directory(dir.toFile())
            .redirectError(stderr.toFile())
            .start();
    this.in =
        new BufferedWriter(
            new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** The test-tools directory (scripts and golden fixtures), installed or not. */
  public static Path testToolsDir() {
    Path dir = Path.of(System.getProperty("crdt.testTools", "test-tools")).toAbsolutePath();
    if (!Files.isRegularFile(dir.resolve("harness.mjs"))) {
      throw new IllegalStateException("Yjs harness not found at " + dir + " (crdt/test-tools)");
    }
    return dir;
  }

  /** The test-tools directory, with node_modules installed by the build's npm ci. */
  public static Path testTools() {
    Path dir = testToolsDir();
    if (!Files.isDirectory(dir.resolve("node_modules/yjs"))) {
      throw new IllegalStateException(
          "Reference Yjs is not installed in "
              + dir
              + "; run `npm ci` there (the Maven build does it in generate-test-resources).");
    }
    return dir;
  }

  public static synchronized YjsHarness shared() {
    if (shared == null || !shared.process.isAlive()) {
      try {
        shared = new YjsHarness(testTools());
      } catch (IOException e) {
        throw new IllegalStateException("cannot start node for the Yjs harness: " + e, e);
      }
      YjsHarness h = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(h::close));
      Object versions = h.call("ping");
      if (!(versions instanceof Map<?, ?> v) || !"13.6.33".equals(v.get("yjs"))) {
        throw new IllegalStateException("harness runs an unexpected Yjs: " + versions);
      }
    }
    return shared;
  }

  /** Sends one command with alternating argument names and values; returns its result. */
  public synchronized Object call(String cmd, Object... kv) {
    Map<String, Object> req = Json.obj(kv);
    long id = nextId++;
    Map<String, Object> msg = Json.obj("id", id, "cmd", cmd);
    msg.putAll(req);
    try {
      in.write(Json.write(msg));
      in.write('\n');
      in.flush();
      String line = out.readLine();
      if (line == null) {
        throw new IllegalStateException("Yjs harness exited; stderr: " + stderrTail());
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> reply = (Map<String, Object>) Json.parse(line);
      if (!Long.valueOf(id).equals(reply.get("id"))) {
        throw new IllegalStateException("harness reply out of order: " + line);
      }
      if (!Boolean.TRUE.equals(reply.get("ok"))) {
        throw new HarnessException(cmd + " failed in Yjs: " + reply.get("error"));
      }
      return reply.get("result");
    } catch (IOException e) {
      throw new IllegalStateException("Yjs harness I/O failed; stderr: " + stderrTail(), e);
    }
  }

  public byte[] bytes(String cmd, Object... kv) {
    return decode((String) call(cmd, kv));
  }

  public List<byte[]> byteList(String cmd, Object... kv) {
    return decodeAll((List<?>) call(cmd, kv));
  }

  public static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  public static List<String> b64(List<byte[]> bs) {
    List<String> out = new ArrayList<>(bs.size());
    for (byte[] b : bs) {
      out.add(b64(b));
    }
    return out;
  }

  public static byte[] decode(String s) {
    return Base64.getDecoder().decode(s);
  }

  public static List<byte[]> decodeAll(List<?> l) {
    List<byte[]> out = new ArrayList<>(l.size());
    for (Object o : l) {
      out.add(decode((String) o));
    }
    return out;
  }

  private String stderrTail() {
    try {
      String s = Files.readString(stderr);
      return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  @Override
  public synchronized void close() {
    try {
      in.close();
    } catch (IOException ignored) {
      // the process is going away anyway
    }
    process.destroy();
  }

  /** A command that Yjs itself rejected. */
  public static final class HarnessException extends RuntimeException {
    HarnessException(String message) {
      super(message);
    }
  }
}
