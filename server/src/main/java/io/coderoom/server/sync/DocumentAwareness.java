package io.coderoom.server.sync;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coderoom.crdt.encoding.Lib0Exception;
import io.coderoom.crdt.encoding.Lib0Reader;
import io.coderoom.crdt.encoding.Lib0Writer;
import io.coderoom.crdt.sync.Awareness;
import io.coderoom.crdt.sync.ProtocolException;
import io.coderoom.crdt.sync.SyncProtocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The awareness (cursors and names) of one document, guarded. The crdt module's {@link Awareness}
 * takes any client's state from anyone, as y-protocols does; here each socket publishes only for
 * the client ids it owns:
 *
 * <ul>
 *   <li>a socket owns the ids it announces first, at most {@link #MAX_CLIENTS_PER_SOCKET} (a Yjs
 *       client can change its id), while no socket of another participant owns them; a socket of
 *       the same link takes an id over with a newer clock (a reconnecting tab whose old socket has
 *       not been noticed gone yet);
 *   <li>an entry for someone else's id that would change their state (a newer clock) is refused;
 *       one that would not is an echo (stock y-websocket clients send back every change they
 *       receive) and is dropped;
 *   <li>a state is at most {@link #MAX_STATE_BYTES} and a JSON object (or null, to remove it);
 *   <li>the {@code user.name}, {@code user.role} and {@code user.color} others see are the
 *       participant's as the server knows them, whatever the client claims: every tab of one
 *       participant shows its cursor in the colour of their chip (see {@link ParticipantColors});
 *   <li>an update breaking any of these is refused whole, with a permission-denied message that
 *       counts toward the socket's malformed limit.
 * </ul>
 *
 * A socket's states go when it leaves, and the clocks of clients that are gone are forgotten, so
 * what is kept is bounded by the sockets that are open. Lives on the room's loop.
 */
final class DocumentAwareness {
  /** Client ids one socket may publish awareness for. */
  static final int MAX_CLIENTS_PER_SOCKET = 4;

  /** The largest awareness state a socket may publish, in bytes of JSON. */
  static final int MAX_STATE_BYTES = 4 * 1024;

  private static final long MAX_CLIENT_ID = 0xFFFF_FFFFL;

  /**
   * Entries one awareness update may carry: stock clients relay every state they receive, so a
   * message can list every client of a full room, but never more.
   */
  static final int MAX_ENTRIES = MAX_CLIENTS_PER_SOCKET * SocketQuotas.ROOM;

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private final long serverClientId;
  private final Consumer<byte[]> broadcast;
  private final SyncMetrics metrics;
  private final Map<DocumentSocket, Set<Long>> owned = new LinkedHashMap<>();
  private final Map<Long, DocumentSocket> owners = new HashMap<>();
  private final Awareness awareness;

  /**
   * @param serverClientId the document's own client id, which no socket may publish for
   * @param broadcast sends an awareness frame to every socket of the document
   */
  DocumentAwareness(long serverClientId, Consumer<byte[]> broadcast, SyncMetrics metrics) {
    this.serverClientId = serverClientId;
    this.broadcast = broadcast;
    this.metrics = metrics;
    this.awareness = emptyAwareness();
    awareness.onUpdate(this::changed);
  }

  /** The server has no presence of its own, as the reference server (y-websocket) does. */
  private Awareness emptyAwareness() {
    Awareness fresh = new Awareness(serverClientId);
    fresh.setLocalState(null);
    return fresh;
  }

  void join(DocumentSocket socket) {
    owned.putIfAbsent(socket, new LinkedHashSet<>());
  }

  /** Every state there is, as an awareness update; empty when nobody has one. */
  Optional<byte[]> allStates() {
    Map<Long, String> states = awareness.states();
    return states.isEmpty()
        ? Optional.empty()
        : Optional.of(awareness.encodeUpdate(states.keySet()));
  }

  /** No ghost cursors: the states of a closed socket go at once, not after 30 s. */
  void leave(DocumentSocket socket) {
    Set<Long> ids = owned.remove(socket);
    if (ids == null) {
      return;
    }
    ids.forEach(owners::remove);
    if (!ids.isEmpty()) {
      awareness.removeStates(ids, socket);
      // y-protocols keeps every client's clock forever, which a server that sees clients come and
      // go for days cannot.
      awareness.forget(ids);
    }
  }

  /** Drops remote states not renewed for 30 s (clients renew every 15 s). */
  void expire() {
    awareness.forget(awareness.checkOutdated().removed());
  }

  /**
   * One awareness update from a socket: applied and relayed only if every entry is allowed.
   *
   * <p>Stock y-websocket clients send back every awareness change they receive, other clients'
   * included, with the clock the server relayed. Such an entry (not newer than what the server
   * knows) changes nothing and is dropped, not refused; so is a removal of a client nobody owns.
   * What would change another participant's state is refused.
   */
  void receive(DocumentSocket socket, byte[] update) {
    Set<Long> mine = owned.get(socket);
    Optional<Participant> participant = socket.participant();
    if (mine == null || participant.isEmpty()) {
      return;
    }
    List<Entry> kept = new ArrayList<>();
    Map<Long, DocumentSocket> takenOver = new HashMap<>();
    try {
      int claims = 0;
      for (Entry entry : decode(update)) {
        long client = entry.client();
        DocumentSocket owner = owners.get(client);
        if (owner != socket) {
          boolean newer = entry.clock() > awareness.meta(client).map(m -> m.clock()).orElse(0L);
          if (!newer || (owner == null && entry.removes())) {
            continue;
          }
          if (client == serverClientId
              || (owner != null && !owner.principal().actor().equals(socket.principal().actor()))) {
            throw new Refused(
                "Permission denied: awareness of client " + client + " is someone else's.");
          }
          if (mine.size() + ++claims > MAX_CLIENTS_PER_SOCKET) {
            throw new Refused(
                "Permission denied: a connection may publish awareness for at most "
                    + MAX_CLIENTS_PER_SOCKET
                    + " client ids of its own.");
          }
          if (owner != null) {
            takenOver.put(client, owner);
          }
        }
        if (entry.json().length > MAX_STATE_BYTES) {
          throw new Refused(
              "Permission denied: an awareness state may have at most "
                  + MAX_STATE_BYTES
                  + " bytes.");
        }
        kept.add(entry);
      }
      if (kept.isEmpty()) {
        return;
      }
      byte[] rewritten = encode(kept, participant.get());
      for (Entry entry : kept) {
        DocumentSocket previous = takenOver.get(entry.client());
        if (previous != null) {
          owned.get(previous).remove(entry.client());
        }
        mine.add(entry.client());
        owners.put(entry.client(), socket);
      }
      awareness.applyUpdate(rewritten, socket);
    } catch (Refused refused) {
      refuse(socket, refused.getMessage());
    } catch (ProtocolException e) {
      // What the server encoded itself from validated JSON always decodes.
      throw new IllegalStateException("a rewritten awareness update does not apply", e);
    }
  }

  private void refuse(DocumentSocket socket, String reason) {
    metrics.awarenessRefused();
    socket.refuseMalformed(reason);
  }

  private void changed(Awareness.Event event) {
    List<Long> changed =
        Stream.of(event.added(), event.updated(), event.removed()).flatMap(List::stream).toList();
    if (!changed.isEmpty()) {
      broadcast.accept(SyncProtocol.awareness(awareness.encodeUpdate(changed)));
    }
  }

  /** One client's entry of an awareness update, its state as the JSON bytes that came. */
  private record Entry(long client, long clock, byte[] json) {
    /** Whether the state is JSON null: the client's state is removed. */
    boolean removes() {
      return json.length <= MAX_NULL_BYTES
          && new String(json, StandardCharsets.UTF_8).strip().equals("null");
    }
  }

  /** The longest JSON null with whitespace around it that is worth reading as one. */
  private static final int MAX_NULL_BYTES = 64;

  /** Reads an awareness update, refusing one with more entries than a room has clients. */
  private static List<Entry> decode(byte[] update) throws Refused {
    Lib0Reader reader = new Lib0Reader(update);
    try {
      long count = reader.readVarUint();
      if (count > MAX_ENTRIES) {
        throw new Refused(
            "Permission denied: an awareness update may carry at most "
                + MAX_ENTRIES
                + " clients; a connection publishes only its own.");
      }
      List<Entry> entries = new ArrayList<>((int) count);
      for (int i = 0; i < count; i++) {
        long client = reader.readVarUint();
        long clock = reader.readVarUint();
        byte[] json = reader.readVarUint8Array();
        if (client > MAX_CLIENT_ID) {
          throw new Refused("Malformed awareness update: client id out of range.");
        }
        entries.add(new Entry(client, clock, json));
      }
      return entries;
    } catch (Lib0Exception | IndexOutOfBoundsException e) {
      throw new Refused("Malformed awareness update: " + e.getMessage());
    }
  }

  private static Optional<ObjectNode> parse(byte[] json) throws Refused {
    JsonNode state;
    try {
      state = JSON.readTree(json);
    } catch (IOException e) {
      throw new Refused("Malformed awareness update: a state is not valid JSON.");
    }
    if (state == null || state.isMissingNode()) {
      throw new Refused("Malformed awareness update: a state is empty.");
    }
    if (state.isNull()) {
      return Optional.empty();
    }
    if (!(state instanceof ObjectNode object)) {
      throw new Refused("Malformed awareness update: a state must be a JSON object or null.");
    }
    return Optional.of(object);
  }

  /** The update as others get it: each state's user is the participant the server knows. */
  private static byte[] encode(List<Entry> entries, Participant participant) throws Refused {
    Lib0Writer writer = new Lib0Writer();
    writer.writeVarUint(entries.size());
    for (Entry entry : entries) {
      Optional<ObjectNode> state = parse(entry.json());
      writer.writeVarUint(entry.client());
      writer.writeVarUint(entry.clock());
      writer.writeVarString(state.isPresent() ? withServerUser(state.get(), participant) : "null");
    }
    return writer.toByteArray();
  }

  private static String withServerUser(ObjectNode state, Participant participant) {
    ObjectNode user = JSON.createObjectNode();
    user.put("name", participant.name());
    user.put("role", participant.role().wireName());
    user.put("color", ParticipantColors.hex(participant.color()));
    state.set("user", user);
    try {
      return JSON.writeValueAsString(state);
    } catch (JacksonException e) {
      throw new IllegalStateException("a parsed awareness state does not serialize", e);
    }
  }

  /** An awareness update the socket may not make, with the reason it is told. */
  private static final class Refused extends Exception {
    Refused(String reason) {
      super(reason, null, false, false);
    }
  }
}
