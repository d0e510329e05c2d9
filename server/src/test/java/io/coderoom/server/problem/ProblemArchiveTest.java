package io.coderoom.server.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coderoom.runner.protocol.Languages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ProblemArchiveTest {
  private static final List<ProblemFolder> CURATED = CuratedProblems.folders();

  @Test
  void anArchiveReadsBackAsTheSameFoldersAndTheSameProblems() {
    byte[] zip = ProblemArchive.write(CURATED);
    List<ProblemFolder> back = ProblemArchive.read(new ByteArrayInputStream(zip));
    assertThat(back).isEqualTo(CURATED);
    ProblemReader reader = new ProblemReader(Languages.builtIn());
    for (ProblemFolder folder : back) {
      ProblemFolder original =
          CURATED.stream().filter(f -> f.slug().equals(folder.slug())).findFirst().orElseThrow();
      assertThat(reader.read(folder.slug(), folder))
          .isEqualTo(reader.read(original.slug(), original));
    }
    // The same problems give the same bytes: an export can be diffed and kept in git.
    assertThat(ProblemArchive.write(back)).isEqualTo(zip);
  }

  @Test
  void theAuthoringBodyIsTheFolderInOtherClothes() {
    for (ProblemFolder folder : CURATED) {
      ProblemFolder back = ProblemBody.toFolder(folder.slug(), ProblemBody.toJson(folder));
      ProblemReader reader = new ProblemReader(Languages.builtIn());
      assertThat(reader.read(folder.slug(), back)).isEqualTo(reader.read(folder.slug(), folder));
    }
  }

  @Test
  void entriesOutsideAProblemsFolderAreRefused() throws IOException {
    for (String name : List.of("../escape/problem.json", "/etc/passwd", "loose.json", "a\\b/c")) {
      byte[] zip = zip(name, "{}".getBytes(StandardCharsets.UTF_8));
      assertThatThrownBy(() -> ProblemArchive.read(new ByteArrayInputStream(zip)))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a file inside a problem's folder");
    }
  }

  @Test
  void aSmallArchiveThatInflatesPastTheLimitStopsAtTheLimit() throws IOException {
    byte[] zeros = new byte[(int) ProblemFolder.MAX_BYTES + 1];
    byte[] zip = zip("bomb/tests.json", zeros);
    assertThat(zip.length).isLessThan(64 * 1024);
    assertThatThrownBy(() -> ProblemArchive.read(new ByteArrayInputStream(zip)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("larger than");
  }

  @Test
  void garbageAndBinaryAreRefusedWithAReason() throws IOException {
    assertThatThrownBy(() -> ProblemArchive.read(new ByteArrayInputStream("not a zip".getBytes())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no problem");
    byte[] binary = zip("p1/statement.md", new byte[] {(byte) 0xC3, (byte) 0x28});
    assertThatThrownBy(() -> ProblemArchive.read(new ByteArrayInputStream(binary)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not UTF-8");
  }

  private static byte[] zip(String name, byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content);
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }
}
