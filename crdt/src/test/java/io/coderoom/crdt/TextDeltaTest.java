package io.coderoom.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextDeltaTest {
  private static Map<String, Object> attrs(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /**
   * Expected values from Yjs 13.6.33: client 9, t.applyDelta([{insert:'Hello'},{insert:' world',
   * attributes:{bold:true}}]) then t.applyDelta([{retain:2},{delete:2},{retain:3,
   * attributes:{italic:true}},{insert:'!'},{retain:2,attributes:{bold:null}}]).
   */
  @Test
  void applyDeltaMatchesYjs() {
    Doc d = Doc.builder().clientId(9).build();
    Text t = d.getText("t");
    List<List<Delta>> seen = new ArrayList<>();
    t.observe(e -> seen.add(e.delta()));
    t.applyDelta(List.of(Delta.insert("Hello", null), Delta.insert(" world", attrs("bold", true))));
    t.applyDelta(
        List.of(
            Delta.retain(2, null),
            Delta.delete(2),
            Delta.retain(3, attrs("italic", true)),
            Delta.insert("!", null),
            Delta.retain(2, attrs("bold", null))));
    assertThat(HexFormat.of().formatHex(d.encodeStateAsUpdate()))
        .isEqualTo(
            "010f09000401017402486581090102840903016f86090404626f6c640474727565840905022077840907026f72840909026c6486090b04626f6c64046e756c6cc609030904066974616c69630474727565c609070908066974616c6963046e756c6cc6090e090804626f6c64046e756c6cc4090f09080121c60910090804626f6c640474727565c60911090804626f6c64046e756c6cc60909090a04626f6c6404747275650109010202");
    assertThat(t.toDelta())
        .containsExactly(
            Delta.insert("He", null),
            Delta.insert("o", attrs("italic", true)),
            Delta.insert(" w", attrs("italic", true, "bold", true)),
            Delta.insert("!", null),
            Delta.insert("or", null),
            Delta.insert("ld", attrs("bold", true)));
    assertThat(seen.get(1))
        .containsExactly(
            Delta.retain(2, null),
            Delta.delete(2),
            Delta.retain(3, attrs("italic", true)),
            Delta.insert("!", null),
            Delta.retain(2, attrs("bold", null)));
  }

  /**
   * Yjs 13.6.33, client 3: insert "abcdef", format(0,6,{italic}), format(2,2,{bold}), then
   * insert(4, "X", {bold:true}): the negated italic goes before the bold end marker, because Yjs
   * compares a missing negated key (undefined) with the marker's null and finds them different.
   */
  @Test
  void negatedAttributesStopAtUnrelatedEndMarkers() {
    Doc d = Doc.builder().clientId(3).build();
    Text t = d.getText("t");
    t.insert(0, "abcdef");
    t.format(0, 6, attrs("italic", true));
    t.format(2, 2, attrs("bold", true));
    t.insert(4, "X", attrs("bold", true));
    assertThat(HexFormat.of().formatHex(d.encodeStateAsUpdate()))
        .isEqualTo(
            "010a030004010174026162840301026364840303026566460300066974616c69630474727565860305066974616c6963046e756c6cc60301030204626f6c640474727565c60303030404626f6c64046e756c6cc603030309066974616c6963046e756c6cc4030a03090158c6030b0309066974616c6963047472756500");
    assertThat(t.toDelta())
        .containsExactly(
            Delta.insert("ab", attrs("italic", true)),
            Delta.insert("cd", attrs("italic", true, "bold", true)),
            Delta.insert("X", attrs("bold", true)),
            Delta.insert("ef", attrs("italic", true)));
  }

  @Test
  void remoteChangesFireEventsAndDeepEvents() throws Exception {
    Doc a = Doc.builder().clientId(1).build();
    YMap root = a.getMap("root");
    YArray list = new YArray();
    root.set("list", list);
    Doc b = Doc.builder().clientId(2).build();
    b.applyUpdate(a.encodeStateAsUpdate());
    List<String> deep = new ArrayList<>();
    List<Boolean> local = new ArrayList<>();
    b.getMap("root")
        .observeDeep(
            events -> {
              for (Event e : events) {
                deep.add(e.target().getClass().getSimpleName() + e.path());
                local.add(e.transaction().local());
              }
            });
    a.transact(
        tr -> {
          list.push(List.of("x"));
          root.set("k", 1);
        });
    b.applyUpdate(a.encodeStateAsUpdate(b.encodeStateVector()), "net");
    // top-level events first, like Yjs
    assertThat(deep).containsExactly("YMap[]", "YArray[list]");
    assertThat(local).containsOnly(false);
    assertThat(((YArray) b.getMap("root").get("list")).toJson()).containsExactly("x");
    assertThat(((YArray) b.getMap("root").get("list")).parent()).containsSame(b.getMap("root"));
  }
}
