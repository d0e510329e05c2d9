package io.coderoom.crdt.compat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** The editing traces in crdt/test-data/editing-traces (see its README.md for the format). */
public final class Traces {
  public static final List<String> SEQUENTIAL =
      List.of("automerge-paper", "sveltecomponent", "rustcode");
  public static final List<String> CONCURRENT = List.of("friendsforever", "clownschool");

  private Traces() {}

  /** The traces folder: -Dcrdt.traces, else test-data/editing-traces of the crdt module. */
  public static Path dir() {
    String prop = System.getProperty("crdt.traces");
    Path dir =
        prop != null
            ? Path.of(prop)
            : Path.of(System.getProperty("user.dir")).resolve("test-data/editing-traces");
    dir = dir.toAbsolutePath().normalize();
    if (!Files.isRegularFile(dir.resolve("automerge-paper.json.gz"))) {
      throw new IllegalStateException(
          "Editing traces not found at "
              + dir
              + ": they live in crdt/test-data/editing-traces of the repository,"
              + " or pass -Dcrdt.traces=/path/to/editing-traces");
    }
    return dir;
  }

  public static Path path(String name) {
    return dir().resolve(name + ".json.gz");
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> load(String name) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(path(name)), 1 << 16)) {
      return (Map<String, Object>)
          Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read trace " + name + ": " + e, e);
    }
  }
}
