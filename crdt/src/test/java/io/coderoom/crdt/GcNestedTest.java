package io.coderoom.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.crdt.internal.content.JsonParser;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deleting nested types turns their content into GC structs, and edits that arrive for a collected
 * parent become GC structs too. Fixture {@code yjs-gc-nested.json} from Yjs 13.6.33: client 1 sets
 * m.t = Text("nested text") and m.arr = [1, 2, Map]; client 2 syncs; then 1 deletes both keys while
 * 2 inserts "XYZ" into t and "q" into arr; they exchange full states (ua, ub); a and b are the
 * resulting states.
 */
class GcNestedTest {
  @Test
  void collectedParentsMatchYjs() throws Exception {
    Map<?, ?> f;
    try (InputStream in = GcNestedTest.class.getResourceAsStream("yjs-gc-nested.json")) {
      f = (Map<?, ?>) JsonParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    HexFormat hx = HexFormat.of();
    Doc a = Doc.builder().clientId(1).build();
    Doc b = Doc.builder().clientId(2).build();
    Text inner = new Text();
    inner.insert(0, "nested text");
    YArray arr = new YArray();
    arr.push(List.of(1, 2, new YMap()));
    a.getMap("m").set("t", inner);
    a.getMap("m").set("arr", arr);
    b.applyUpdate(a.encodeStateAsUpdate());
    a.getMap("m").delete("t");
    a.getMap("m").delete("arr");
    ((Text) b.getMap("m").get("t")).insert(3, "XYZ");
    ((YArray) b.getMap("m").get("arr")).insert(1, List.of("q"));
    byte[] ua = a.encodeStateAsUpdate();
    byte[] ub = b.encodeStateAsUpdate();
    assertThat(hx.formatHex(ua)).isEqualTo(f.get("ua"));
    assertThat(hx.formatHex(ub)).isEqualTo(f.get("ub"));
    a.applyUpdate(ub);
    b.applyUpdate(ua);
    assertThat(hx.formatHex(a.encodeStateAsUpdate())).isEqualTo(f.get("a"));
    assertThat(hx.formatHex(b.encodeStateAsUpdate())).isEqualTo(f.get("b"));
    assertThat(a.getMap("m").toJson()).isEmpty();
  }
}
