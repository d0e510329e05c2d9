package io.coderoom.crdt.compat;

import static io.coderoom.crdt.compat.Peer.assertSameBytes;
import static io.coderoom.crdt.compat.YjsHarness.b64;
import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.crdt.Doc;
import io.coderoom.crdt.sync.Awareness;
import io.coderoom.crdt.sync.Message;
import io.coderoom.crdt.sync.ProtocolException;
import io.coderoom.crdt.sync.SyncMessage;
import io.coderoom.crdt.sync.SyncProtocol;
import io.coderoom.crdt.sync.SyncSession;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** io.coderoom.crdt.sync against the pinned y-protocols package, byte for byte. */
class YProtocolsCompatTest {
  private final YjsHarness yjs = YjsHarness.shared();

  @BeforeEach
  void reset() {
    yjs.call("reset");
  }

  private Doc twinDocs(String name, long clientId, String text) {
    Doc doc = Doc.builder().clientId(clientId).build();
    doc.getText("t").insert(0, text);
    yjs.call("newDoc", "doc", name, "clientId", clientId);
    yjs.call(
        "transact",
        "doc",
        name,
        "ops",
        List.of(
            Json.obj(
                "op",
                "insertText",
                "target",
                Json.obj("type", "text", "name", "t"),
                "index",
                0,
                "text",
                text)));
    return doc;
  }

  @Test
  void syncFramesMatchYProtocols() throws ProtocolException {
    Doc doc = twinDocs("d", 77, "hello 😀");
    assertSameBytes("sync step 1", SyncProtocol.syncStep1(doc), yjs.bytes("syncStep1", "doc", "d"));
    byte[] partialSv = {1, 77, 2};
    assertSameBytes(
        "sync step 2",
        SyncProtocol.syncStep2(doc, partialSv),
        yjs.bytes("syncStep2", "doc", "d", "sv", b64(partialSv)));
    byte[] update = doc.encodeStateAsUpdate();
    assertSameBytes(
        "update frame",
        SyncProtocol.update(update),
        yjs.bytes("syncUpdate", "update", b64(update)));
    assertSameBytes(
        "permission denied",
        SyncProtocol.permissionDenied("observers cannot edit ✋"),
        yjs.bytes("permissionDenied", "reason", "observers cannot edit ✋"));
    Message decoded = SyncProtocol.decode(yjs.bytes("permissionDenied", "reason", "why"));
    assertThat(decoded).isEqualTo(new Message.PermissionDenied("why"));
    Map<String, Object> read =
        JavaOps.map(
            yjs.call(
                "readFrame", "doc", "d", "message", b64(SyncProtocol.permissionDenied("go away"))));
    assertThat(read.get("reason")).isEqualTo("go away");
    assertThat(
            JavaOps.map(
                    yjs.call(
                        "readFrame", "doc", "d", "message", b64(SyncProtocol.queryAwareness())))
                .get("type"))
        .isEqualTo((long) Message.MESSAGE_QUERY_AWARENESS);
  }

  @Test
  void javaServerSessionSyncsAYjsClient() throws ProtocolException {
    Doc server = twinDocs("unused", 1, "server says hi");
    yjs.call("newDoc", "doc", "client", "clientId", 2);
    yjs.call(
        "transact",
        "doc",
        "client",
        "ops",
        List.of(
            Json.obj(
                "op",
                "insertText",
                "target",
                Json.obj("type", "text", "name", "t"),
                "index",
                0,
                "text",
                "client: ")));
    SyncSession session = SyncSession.of(server);

    // Server opens with step 1; the Yjs client answers with step 2, which the server applies.
    Map<String, Object> reply =
        JavaOps.map(yjs.call("readFrame", "doc", "client", "message", b64(session.start())));
    assertThat(reply.get("type")).isEqualTo((long) Message.MESSAGE_SYNC);
    assertThat(reply.get("syncType")).isEqualTo((long) SyncMessage.STEP1);
    Message step2 = SyncProtocol.decode(YjsHarness.decode((String) reply.get("reply")));
    SyncSession.Outcome applied = session.receive(((Message.Sync) step2).message());
    assertThat(applied.applied()).isTrue();
    assertThat(session.synced()).isTrue();

    // The client's step 1 gets the server's step 2, which Yjs applies.
    Message clientStep1 = SyncProtocol.decode(yjs.bytes("syncStep1", "doc", "client"));
    SyncSession.Outcome answer = session.receive(((Message.Sync) clientStep1).message());
    Map<String, Object> applyReply =
        JavaOps.map(
            yjs.call("readFrame", "doc", "client", "message", b64(answer.replies().getFirst())));
    assertThat(applyReply.get("syncType")).isEqualTo((long) SyncMessage.STEP2);
    assertThat(applyReply.get("reply")).isNull();

    Object clientContent = yjs.call("describe", "doc", "client", "roots", Map.of("t", "text"));
    assertThat(clientContent).isEqualTo(JavaOps.describe(server, Map.of("t", "text")));
    assertThat(server.getText("t").toString()).contains("server says hi").contains("client: ");
  }

  @Test
  void awarenessEncodingMatchesYProtocols() throws ProtocolException {
    yjs.call("newDoc", "doc", "d", "clientId", 4000000000L);
    yjs.call("newAwareness", "aw", "js", "doc", "d");
    Awareness java = new Awareness(4000000000L, InstantSource.system());
    for (String state :
        List.of(
            "{\"user\":{\"name\":\"Ann\",\"color\":\"#ff0\"}}",
            "{\"cursor\":{\"anchor\":5}}",
            "null",
            "{\"back\":[1,2.5,\"é😀\"]}")) {
      java.setLocalState(state);
      yjs.call("setLocalState", "aw", "js", "state", state);
      assertSameBytes(
          "awareness update after setLocalState(" + state + ")",
          java.encodeUpdate(List.of(4000000000L)),
          yjs.bytes("encodeAwarenessUpdate", "aw", "js", "clients", List.of(4000000000L)));
      assertSameBytes(
          "awareness frame",
          SyncProtocol.awareness(java.encodeUpdate(List.of(4000000000L))),
          yjs.bytes("awarenessFrame", "aw", "js", "clients", List.of(4000000000L)));
    }
  }

  @Test
  void awarenessUpdatesFlowBothWays() throws ProtocolException {
    yjs.call("newDoc", "doc", "d", "clientId", 11);
    yjs.call("newAwareness", "aw", "js", "doc", "d");
    yjs.call("setLocalState", "aw", "js", "state", "{\"name\":\"js\"}");
    Awareness server = new Awareness(1, InstantSource.system());
    server.setLocalState(null);

    Awareness.Event e =
        server.applyUpdate(
            yjs.bytes("encodeAwarenessUpdate", "aw", "js", "clients", List.of(11L)), "conn");
    assertThat(e.added()).containsExactly(11L);
    assertThat(server.states()).containsEntry(11L, "{\"name\":\"js\"}");

    Awareness other = new Awareness(12, InstantSource.system());
    other.setLocalState("{\"name\":\"java\"}");
    server.applyUpdate(other.encodeUpdate(List.of(12L)), "conn2");
    // The server relays every state it knows to Yjs, which takes them.
    List<?> changes =
        (List<?>)
            yjs.call("applyAwarenessUpdate", "aw", "js", "update", b64(server.encodeAllStates()));
    assertThat(changes).hasSize(1);
    assertThat(JavaOps.map(changes.getFirst()).get("added")).isEqualTo(List.of(12L));
    // ... also inside a y-websocket frame.
    other.setLocalState("{\"name\":\"java\",\"typing\":true}");
    server.applyUpdate(other.encodeUpdate(List.of(12L)), "conn2");
    byte[] frame = SyncProtocol.awareness(server.encodeUpdate(List.of(12L)));
    yjs.call("readFrame", "doc", "d", "aw", "js", "message", b64(frame));
    Map<String, Object> states = JavaOps.map(yjs.call("awarenessStates", "aw", "js"));
    assertThat(JavaOps.map(states.get("12")))
        .isEqualTo(Json.obj("clock", 2L, "state", "{\"name\":\"java\",\"typing\":true}"));

    // Yjs removes its own state on leave; the server sees the removal.
    yjs.call("removeAwarenessStates", "aw", "js", "clients", List.of(11L));
    Awareness.Event left =
        server.applyUpdate(
            yjs.bytes("encodeAwarenessUpdate", "aw", "js", "clients", List.of(11L)), "conn");
    assertThat(left.removed()).containsExactly(11L);
    assertThat(server.states()).doesNotContainKey(11L);
  }
}
