package io.coderoom.server.problem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Problems as one zip of {@link ProblemFolder folders} ({@code slug/problem.json}, ...): what a
 * team exports and imports, so its problems move between servers or live in git.
 *
 * <p>An archive comes from outside, so reading it is bounded: at most {@link #MAX_PROBLEMS}
 * problems and {@link ProblemFolder#MAX_BYTES} per problem, counted on the uncompressed bytes as
 * they are read (a small zip that inflates to gigabytes stops at the limit), names that stay inside
 * their folder, and text in UTF-8.
 */
public final class ProblemArchive {
  public static final int MAX_PROBLEMS = 500;

  private ProblemArchive() {}

  public static byte[] write(List<ProblemFolder> folders) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (ProblemFolder folder : folders) {
        for (Map.Entry<String, String> file : folder.files().entrySet()) {
          ZipEntry entry = new ZipEntry(folder.slug() + "/" + file.getKey());
          // A fixed time: the same problems give the same archive.
          entry.setTime(0);
          zip.putNextEntry(entry);
          zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
          zip.closeEntry();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * The folders of an archive, in the order they first appear.
   *
   * @throws IllegalArgumentException naming what is wrong, when the archive breaks a rule
   */
  public static List<ProblemFolder> read(InputStream in) {
    Map<String, Map<String, String>> bySlug = new LinkedHashMap<>();
    Map<String, Long> sizes = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (entry.isDirectory()) {
          continue;
        }
        String name = entry.getName();
        int slash = name.indexOf('/');
        if (slash <= 0 || name.startsWith("/") || name.contains("\\") || name.contains("..")) {
          throw new IllegalArgumentException(
              "the archive's entry "
                  + printable(name)
                  + " is not a file inside a problem's folder");
        }
        String slug = name.substring(0, slash);
        String path = name.substring(slash + 1);
        Map<String, String> files = bySlug.computeIfAbsent(slug, s -> new TreeMap<>());
        if (bySlug.size() > MAX_PROBLEMS) {
          throw new IllegalArgumentException(
              "the archive holds more than " + MAX_PROBLEMS + " problems");
        }
        long budget = ProblemFolder.MAX_BYTES - sizes.getOrDefault(slug, 0L);
        byte[] content = readBounded(zip, budget, slug);
        sizes.merge(slug, (long) content.length, Long::sum);
        files.put(path, utf8(content, name));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("the archive is not a readable zip: " + e.getMessage());
    }
    if (bySlug.isEmpty()) {
      throw new IllegalArgumentException("the archive holds no problem");
    }
    List<ProblemFolder> folders = new ArrayList<>();
    bySlug.forEach((slug, files) -> folders.add(new ProblemFolder(slug, files)));
    return folders;
  }

  private static byte[] readBounded(InputStream in, long budget, String slug) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
      total += n;
      if (total > budget) {
        throw new IllegalArgumentException(
            slug + " is larger than " + ProblemFolder.MAX_BYTES + " bytes uncompressed");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static String utf8(byte[] content, String name) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(printable(name) + " is not UTF-8 text");
    }
  }

  private static String printable(String name) {
    String cut = name.length() > 120 ? name.substring(0, 120) + "…" : name;
    return "\"" + cut.replaceAll("\\p{Cntrl}", "?") + "\"";
  }
}
