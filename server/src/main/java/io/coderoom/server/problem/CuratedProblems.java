package io.coderoom.server.problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The curated problems shipped with the server: every folder under {@code /problems} of the class
 * path, read the same way from the build's folder and from the server's jar, so adding a problem is
 * adding a folder.
 */
public final class CuratedProblems {
  private static final String ROOT = "/problems";

  private CuratedProblems() {}

  /** Every curated problem's folder, by slug. */
  public static List<ProblemFolder> folders() {
    URL root = CuratedProblems.class.getResource(ROOT);
    if (root == null) {
      throw new IllegalStateException("the curated problems (" + ROOT + ") are missing");
    }
    try {
      URI uri = root.toURI();
      if ("jar".equals(uri.getScheme())) {
        return readJar(uri);
      }
      return read(Path.of(uri));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<ProblemFolder> readJar(URI uri) throws IOException {
    FileSystem jar;
    boolean ours;
    try {
      jar = FileSystems.newFileSystem(uri, Map.of());
      ours = true;
    } catch (FileSystemAlreadyExistsException e) {
      jar = FileSystems.getFileSystem(uri);
      ours = false;
    }
    try {
      return read(jar.getPath(ROOT));
    } finally {
      if (ours) {
        jar.close();
      }
    }
  }

  private static List<ProblemFolder> read(Path root) throws IOException {
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory).sorted().map(ProblemFolder::read).toList();
    }
  }
}
