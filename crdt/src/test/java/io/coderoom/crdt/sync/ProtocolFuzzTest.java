package io.coderoom.crdt.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.crdt.Doc;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Untrusted frames: random mutations of valid sync and awareness frames either decode and apply or
 * fail with {@link ProtocolException}; nothing else escapes, and a rejected awareness update
 * changes nothing.
 */
class ProtocolFuzzTest {

  @Test
  void mutatedFramesDecodeOrFailWithProtocolException() {
    Doc doc = Doc.builder().clientId(5).build();
    doc.getText("code").insert(0, "hello 😀");
    Awareness peer = new Awareness(9, InstantSource.system());
    peer.setLocalState("{\"user\":{\"name\":\"ann\",\"color\":\"#f00\"},\"cursor\":[1,2]}");
    List<byte[]> seeds =
        List.of(
            SyncProtocol.syncStep1(doc),
            SyncProtocol.update(doc.encodeStateAsUpdate()),
            SyncProtocol.encode(new SyncMessage.Step2(doc.encodeStateAsUpdate())),
            SyncProtocol.awareness(peer.encodeUpdate(List.of(9L))),
            SyncProtocol.permissionDenied("no"),
            SyncProtocol.queryAwareness());
    Random rnd = new Random(7);
    int decoded = 0;
    int rejected = 0;
    for (int i = 0; i < 5000; i++) {
      byte[] frame = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
      String where = "frame " + HexFormat.of().formatHex(frame);
      Doc target = Doc.builder().clientId(6).build();
      Awareness server = new Awareness(1, InstantSource.system());
      SyncSession session = SyncSession.of(target);
      try {
        Message m = SyncProtocol.decode(frame);
        switch (m) {
          case Message.Sync s -> session.receive(s.message());
          case Message.AwarenessUpdate a -> {
            var before = server.states();
            try {
              server.applyUpdate(a.update(), "peer");
            } catch (ProtocolException e) {
              assertThat(server.states()).as(where).isEqualTo(before);
              throw e;
            }
          }
          case Message.PermissionDenied p -> assertThat(p.reason()).isNotNull();
          case Message.QueryAwareness q -> assertThat(q.type()).isEqualTo(3);
        }
        decoded++;
      } catch (ProtocolException e) {
        rejected++;
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError(where + " threw " + e, e);
      }
    }
    assertThat(decoded).isPositive();
    assertThat(rejected).isPositive();
  }

  private static byte[] mutate(byte[] in, Random rnd) {
    List<Byte> b = new ArrayList<>();
    for (byte x : in) {
      b.add(x);
    }
    int n = 1 + rnd.nextInt(3);
    for (int k = 0; k < n; k++) {
      int at = b.isEmpty() ? 0 : rnd.nextInt(b.size());
      switch (rnd.nextInt(5)) {
        case 0 -> {
          if (!b.isEmpty()) {
            b.set(at, (byte) (b.get(at) ^ (1 << rnd.nextInt(8))));
          }
        }
        case 1 -> {
          while (b.size() > at) {
            b.removeLast();
          }
        }
        case 2 -> b.add(at, (byte) rnd.nextInt(256));
        case 3 -> {
          for (int j = 0; j < 6; j++) {
            b.add(at, (byte) 0xff);
          }
        }
        default -> {
          if (!b.isEmpty()) {
            b.set(at, (byte) rnd.nextInt(256));
          }
        }
      }
    }
    byte[] out = new byte[b.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = b.get(k);
    }
    return out;
  }
}
