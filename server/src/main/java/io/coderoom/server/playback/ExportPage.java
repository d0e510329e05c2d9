package io.coderoom.server.playback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The offline file: the web client's single-file viewer ({@code export/playback.html} of the built
 * client, its script and styles inline, a Content-Security-Policy that allows no network), with a
 * room's timeline and report written into its two data slots. It needs no server to open.
 */
public final class ExportPage {
  /** Where the built client keeps the viewer, relative to its root. */
  public static final String TEMPLATE = "export/playback.html";

  static final String TIMELINE_SLOT =
      "<script type=\"application/json\" id=\"coderoom-timeline\">null</script>";
  static final String REPORT_SLOT =
      "<script type=\"application/json\" id=\"coderoom-report\">null</script>";

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Optional<String> template;

  private ExportPage(Optional<String> template) {
    this.template = template;
  }

  /** Reads the viewer; without a built client there is none, and exports are refused. */
  public static ExportPage load(Path webRoot) {
    try {
      String html = Files.readString(webRoot.resolve(TEMPLATE), StandardCharsets.UTF_8);
      if (!html.contains(TIMELINE_SLOT) || !html.contains(REPORT_SLOT)) {
        throw new IllegalStateException(
            webRoot.resolve(TEMPLATE) + " has no data slots: rebuild the web client");
      }
      return new ExportPage(Optional.of(html));
    } catch (NoSuchFileException e) {
      return new ExportPage(Optional.empty());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean available() {
    return template.isPresent();
  }

  /**
   * The file for this timeline and report (each JSON-serialisable), as UTF-8 bytes.
   *
   * @throws IllegalStateException when the built client has no viewer
   */
  public byte[] render(Object timeline, Optional<?> report) {
    String html =
        template.orElseThrow(() -> new IllegalStateException("the web client has no viewer"));
    // Literal replacement (not replaceAll): the data may hold '$' and '\'.
    String filled =
        html.replace(TIMELINE_SLOT, slot("coderoom-timeline", timeline))
            .replace(REPORT_SLOT, slot("coderoom-report", report.orElse(null)));
    return filled.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A data block: JSON that cannot end its script element early, since every {@code <} (which JSON
   * has only inside strings) is written as the escape {@code \u003c}.
   */
  private static String slot(String id, Object value) {
    try {
      String json = JSON.writeValueAsString(value).replace("<", "\\u003c");
      return "<script type=\"application/json\" id=\"" + id + "\">" + json + "</script>";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
