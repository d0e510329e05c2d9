package io.coderoom.crdt.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coderoom.crdt.Doc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncProtocolTest {

  @Test
  void encodesEachMessageKindLikeYWebsocket() {
    assertThat(SyncProtocol.encode(new SyncMessage.Step1(new byte[] {0})))
        .containsExactly(0, 0, 1, 0);
    assertThat(SyncProtocol.encode(new SyncMessage.Step2(new byte[] {0, 0})))
        .containsExactly(0, 1, 2, 0, 0);
    assertThat(SyncProtocol.update(new byte[] {1, 2, 3})).containsExactly(0, 2, 3, 1, 2, 3);
    assertThat(SyncProtocol.awareness(new byte[] {1, 5})).containsExactly(1, 2, 1, 5);
    assertThat(SyncProtocol.queryAwareness()).containsExactly(3);
    byte[] denied = SyncProtocol.permissionDenied("read only");
    assertThat(denied[0]).isEqualTo((byte) 2);
    assertThat(denied[1]).isEqualTo((byte) 0);
    assertThat(denied[2]).isEqualTo((byte) 9);
    assertThat(new String(denied, 3, 9, StandardCharsets.UTF_8)).isEqualTo("read only");
  }

  @Test
  void decodesWhatItEncodes() throws ProtocolException {
    List<Message> messages =
        List.of(
            new Message.Sync(new SyncMessage.Step1(new byte[] {1, 2})),
            new Message.Sync(new SyncMessage.Step2(new byte[300])),
            new Message.Sync(new SyncMessage.Update(new byte[0])),
            new Message.AwarenessUpdate(new byte[] {0}),
            new Message.PermissionDenied("nope ✋"),
            new Message.QueryAwareness());
    for (Message m : messages) {
      assertThat(SyncProtocol.decode(SyncProtocol.encode(m))).isEqualTo(m);
    }
  }

  @Test
  void rejectsMalformedFrames() {
    for (byte[] bad :
        new byte[][] {
          {},
          {9},
          {0, 3, 0},
          {0, 0, 5, 1},
          {1, (byte) 0x80},
          {2, 1, 0},
          {2, 0, 3, 'a'},
          {
            0,
            1,
            (byte) 0xff,
            (byte) 0xff,
            (byte) 0xff,
            (byte) 0xff,
            (byte) 0xff,
            (byte) 0xff,
            (byte) 0xff,
            (byte) 0xff,
            1
          }
        }) {
      assertThatThrownBy(() -> SyncProtocol.decode(bad)).isInstanceOf(ProtocolException.class);
    }
  }

  @Test
  void sessionsSyncTwoDocumentsBothWays() throws ProtocolException {
    Doc server = Doc.builder().clientId(1).build();
    server.getText("code").insert(0, "server text");
    Doc client = Doc.builder().clientId(2).build();
    client.getText("code").insert(0, "client ");
    SyncSession atServer = SyncSession.of(server);
    SyncSession atClient = SyncSession.of(client);
    List<byte[]> broadcast = new ArrayList<>();
    server.onUpdate(
        (u, origin, tr) -> {
          assertThat(origin).isSameAs(atServer);
          broadcast.add(u);
        });

    List<byte[]> clientStep2 = deliver(atServer.start(), atClient);
    assertThat(clientStep2).hasSize(1);
    assertThat(atServer.synced()).isFalse();
    assertThat(deliver(clientStep2.getFirst(), atServer)).isEmpty();
    assertThat(atServer.synced()).isTrue();

    List<byte[]> serverStep2 = deliver(atClient.start(), atServer);
    assertThat(serverStep2).hasSize(1);
    deliver(serverStep2.getFirst(), atClient);
    assertThat(atClient.synced()).isTrue();

    assertThat(client.getText("code").toString()).isEqualTo(server.getText("code").toString());
    assertThat(server.getText("code").toString()).contains("server text").contains("client ");
    assertThat(broadcast).hasSize(1);
  }

  /** Delivers a frame to a session; returns the frames it answers with. */
  private static List<byte[]> deliver(byte[] frame, SyncSession to) throws ProtocolException {
    Message m = SyncProtocol.decode(frame);
    assertThat(m).isInstanceOf(Message.Sync.class);
    return to.receive(((Message.Sync) m).message()).replies();
  }

  @Test
  void readOnlySessionNeverAppliesPeerUpdates() throws ProtocolException {
    Doc server = Doc.builder().clientId(1).build();
    server.getText("code").insert(0, "x");
    Doc watcher = Doc.builder().clientId(3).build();
    watcher.getText("code").insert(0, "sneaky");
    SyncSession session = SyncSession.readOnly(server);
    byte[] before = server.encodeStateAsUpdate();

    SyncSession.Outcome step2 =
        session.receive(new SyncMessage.Step2(watcher.encodeStateAsUpdate()));
    assertThat(step2.rejected()).isTrue();
    assertThat(step2.applied()).isFalse();
    assertThat(session.synced()).isTrue();
    SyncSession.Outcome update =
        session.receive(new SyncMessage.Update(watcher.encodeStateAsUpdate()));
    assertThat(update.rejected()).isTrue();
    assertThat(server.encodeStateAsUpdate()).isEqualTo(before);

    // A watcher may still ask for the content.
    SyncSession.Outcome answer = session.receive(new SyncMessage.Step1(new byte[] {0}));
    assertThat(answer.replies()).hasSize(1);
    assertThat(answer.replies().getFirst())
        .isEqualTo(SyncProtocol.syncStep2(server, new byte[] {0}));
  }

  @Test
  void malformedUpdateIsAProtocolErrorAndChangesNothing() {
    Doc server = Doc.builder().clientId(1).build();
    server.getText("code").insert(0, "keep");
    byte[] before = server.encodeStateAsUpdate();
    SyncSession session = SyncSession.of(server);
    assertThatThrownBy(() -> session.receive(new SyncMessage.Update(new byte[] {5, (byte) 0xff})))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> session.receive(new SyncMessage.Step1(new byte[] {3, 1})))
        .isInstanceOf(ProtocolException.class);
    assertThat(server.encodeStateAsUpdate()).isEqualTo(before);
  }
}
