package io.coderoom.server.problem;

import io.coderoom.runner.protocol.Languages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One problem as files: the layout of the curated set in the repository and of a team's import and
 * export, folder or zip alike.
 *
 * <pre>
 * slug/
 *   problem.json           metadata and signature (see {@link ProblemReader})
 *   statement.md           the task, Markdown
 *   editorial.md           approach and complexity, for interviewers
 *   tests.json             the cases, public and hidden
 *   starter/python.py      starter code, one file per language (id.extension)
 *   solution/python.py     the reference solution, one file per language
 * </pre>
 *
 * @param slug the folder's name, the problem's id in its team (or among the curated ones)
 * @param files every file by its path inside the folder, {@code /}-separated
 */
public record ProblemFolder(String slug, Map<String, String> files) {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

  /** The largest folder read: statements, tests with generators and 14 programs fit well within. */
  static final long MAX_BYTES = 4L << 20;

  public ProblemFolder {
    if (slug == null || !SLUG.matcher(slug).matches()) {
      throw new IllegalArgumentException(
          "a problem's folder name must be 2-64 of a-z, 0-9 and -, was " + slug);
    }
    files = new TreeMap<>(files);
    long size = files.values().stream().mapToLong(String::length).sum();
    if (size > MAX_BYTES) {
      throw new IllegalArgumentException(
          slug + " holds " + size + " characters, more than the " + MAX_BYTES + " allowed");
    }
  }

  /** Reads a folder of the file system. */
  public static ProblemFolder read(Path dir) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        String name = dir.relativize(path).toString().replace('\\', '/');
        files.put(name, Files.readString(path, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ProblemFolder(dir.getFileName().toString().replaceAll("/$", ""), files);
  }

  public Optional<String> file(String path) {
    return Optional.ofNullable(files.get(path));
  }

  /** A file the format requires; its absence is the author's mistake, named as such. */
  String required(String path) {
    return file(path).orElseThrow(() -> new IllegalArgumentException(slug + " has no " + path));
  }

  /** The path of a language's program under {@code starter/} or {@code solution/}. */
  static String programPath(String kind, String languageId) {
    return kind + "/" + languageId + "." + extension(languageId);
  }

  /**
   * The ending of a language's program file, as the runner protocol names the file the code runs
   * from ({@code py} for python); a language it does not know keeps its id, so that the reader can
   * name the stray file.
   */
  static String extension(String languageId) {
    return Languages.builtIn().fileExtension(languageId);
  }
}
