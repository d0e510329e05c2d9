package io.coderoom.server.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The built web client, read into memory once at start: it is small, and serving from memory keeps
 * file I/O off the event loops.
 */
public final class StaticSite {
  /** Vite names files under assets/ by their content hash, so they never change. */
  static final String IMMUTABLE = "public, max-age=31536000, immutable";

  /** Everything else (index.html above all) must be revalidated so a deploy shows at once. */
  static final String REVALIDATE = "no-cache";

  private final Map<String, StaticFile> files;

  private StaticSite(Map<String, StaticFile> files) {
    this.files = Map.copyOf(files);
  }

  /** Reads every file below {@code root}; an absent directory gives an empty site. */
  public static StaticSite load(Path root) {
    if (!Files.isDirectory(root)) {
      return new StaticSite(Map.of());
    }
    Map<String, StaticFile> files = new HashMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        String urlPath = "/" + root.relativize(path).toString().replace('\\', '/');
        files.put(urlPath, read(urlPath, path));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the web client at " + root, e);
    }
    return new StaticSite(files);
  }

  /** The file served at a URL path, if there is one. */
  Optional<StaticFile> file(String urlPath) {
    return Optional.ofNullable(files.get(urlPath));
  }

  public boolean isEmpty() {
    return files.isEmpty();
  }

  public int size() {
    return files.size();
  }

  private static StaticFile read(String urlPath, Path path) throws IOException {
    byte[] body = Files.readAllBytes(path);
    String contentType = ContentTypes.of(path.getFileName().toString());
    byte[] gzipped = ContentTypes.compressible(contentType) ? gzip(body) : null;
    if (gzipped != null && gzipped.length >= body.length) {
      gzipped = null;
    }
    String cacheControl = urlPath.startsWith("/assets/") ? IMMUTABLE : REVALIDATE;
    return new StaticFile(contentType, body, gzipped, etag(body), cacheControl);
  }

  private static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 2 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(body);
    }
    return out.toByteArray();
  }

  private static String etag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return '"'
          + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22)
          + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
