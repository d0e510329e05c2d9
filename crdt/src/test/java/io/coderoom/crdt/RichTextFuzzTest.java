package io.coderoom.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.crdt.internal.content.JsonParser;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Random rich-text histories of two peers (inserts with and without attributes, deletes, formats,
 * embeds, syncs) replayed in Java must end in the exact documents Yjs made of them. The fixture and
 * its generator live in src/test/resources/io/coderoom/crdt/yjs-rich-text-fuzz.*.
 */
class RichTextFuzzTest {
  @Test
  @SuppressWarnings("unchecked")
  void replaysToYjsBytes() throws Exception {
    Map<String, Object> fixture;
    try (InputStream in = RichTextFuzzTest.class.getResourceAsStream("yjs-rich-text-fuzz.json")) {
      fixture =
          (Map<String, Object>)
              JsonParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<?> runs = (List<?>) fixture.get("runs");
    assertThat(runs).isNotEmpty();
    for (int r = 0; r < runs.size(); r++) {
      Map<String, Object> run = (Map<String, Object>) runs.get(r);
      Doc[] docs = {
        Doc.builder().clientId(((Number) run.get("c0")).longValue()).build(),
        Doc.builder().clientId(((Number) run.get("c1")).longValue()).build()
      };
      for (Object o : (List<?>) run.get("ops")) {
        apply(docs, (Map<String, Object>) o);
      }
      assertThat(sha(docs[0].encodeStateAsUpdate()))
          .as("run %d doc 0", r)
          .isEqualTo(run.get("sha0"));
      assertThat(sha(docs[1].encodeStateAsUpdate()))
          .as("run %d doc 1", r)
          .isEqualTo(run.get("sha1"));
    }
  }

  @SuppressWarnings("unchecked")
  private static void apply(Doc[] docs, Map<String, Object> op) throws UpdateException {
    Text t = docs[((Number) op.get("d")).intValue()].getText("t");
    Map<String, Object> attrs = (Map<String, Object>) op.get("attrs");
    int index = op.containsKey("index") ? ((Number) op.get("index")).intValue() : 0;
    switch ((String) op.get("op")) {
      case "insert" -> {
        if (attrs == null) {
          t.insert(index, (String) op.get("text"));
        } else {
          t.insert(index, (String) op.get("text"), attrs);
        }
      }
      case "delete" -> t.delete(index, ((Number) op.get("length")).intValue());
      case "format" -> t.format(index, ((Number) op.get("length")).intValue(), attrs);
      case "embed" -> t.insertEmbed(index, op.get("embed"), attrs);
      default -> {
        byte[] u0 = docs[0].encodeStateAsUpdate();
        byte[] u1 = docs[1].encodeStateAsUpdate();
        docs[0].applyUpdate(u1);
        docs[1].applyUpdate(u0);
      }
    }
  }

  private static String sha(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }
}
