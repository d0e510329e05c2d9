package io.coderoom.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.crdt.internal.content.JsonParser;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Y.mergeUpdates of overlapping updates in several orders. Fixture {@code yjs-merges.json} from Yjs
 * 13.6.33: client 5 types "abcdef" (full), then deletes 3 chars with gc (gcd); client 6 loads full
 * with gc off and deletes 2 (nogc); client 7 sets map key x twice (m1); merged in the listed
 * orders.
 */
class MergeOrderTest {
  @Test
  void mergesMatchYjsInEveryOrder() throws Exception {
    Map<?, ?> fixture;
    try (InputStream in = MergeOrderTest.class.getResourceAsStream("yjs-merges.json")) {
      fixture = (Map<?, ?>) JsonParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    HexFormat hx = HexFormat.of();
    List<byte[]> inputs = new ArrayList<>();
    for (Object o : (List<?>) fixture.get("inputs")) {
      inputs.add(hx.parseHex((String) o));
    }
    for (Object o : (List<?>) fixture.get("merges")) {
      Map<?, ?> m = (Map<?, ?>) o;
      List<byte[]> parts = new ArrayList<>();
      for (Object i : (List<?>) m.get("order")) {
        parts.add(inputs.get(((Number) i).intValue()));
      }
      assertThat(hx.formatHex(Updates.merge(parts)))
          .as("merge of %s", m.get("order"))
          .isEqualTo(m.get("result"));
    }
  }
}
