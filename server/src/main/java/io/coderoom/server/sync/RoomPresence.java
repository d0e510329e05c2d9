package io.coderoom.server.sync;

import io.coderoom.server.room.Principal;
import io.coderoom.server.store.RoomRecord;
import io.coderoom.server.store.TokenRecord;
import io.coderoom.server.sync.protocol.Audience;
import io.coderoom.server.sync.protocol.ControlCodec;
import io.coderoom.server.sync.protocol.ControlEvent;
import io.coderoom.server.sync.protocol.ModerationEvent;
import io.coderoom.server.sync.protocol.PresenceEvent;
import io.coderoom.server.sync.protocol.RolePermissions;
import io.netty.channel.EventLoop;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is in a live room and who may come in: sockets join as participants ({@link Roster}) unless
 * their link was removed ({@link Removals}) or the room has no place for them ({@link
 * SocketQuotas}); participants are announced on the control sockets as they join and leave; a
 * removed link's sockets leave at once and close. Lives on the room's loop.
 */
final class RoomPresence {
  private static final Logger log = LoggerFactory.getLogger(RoomPresence.class);

  private final String roomId;
  private final SyncMetrics metrics;
  private final AuditLog audit;
  private final Runnable emptied;
  private final Consumer<List<Participant>> changed;
  private final Roster roster;
  private final Removals removals;
  private final RolePermissions permissions;

  /**
   * @param emptied called when the room's last socket left
   * @param changed called with the participants after one joined or left
   */
  RoomPresence(
      String roomId,
      EventLoop loop,
      Clock clock,
      SyncMetrics metrics,
      AuditLog audit,
      RolePermissions permissions,
      Runnable emptied,
      Consumer<List<Participant>> changed) {
    this.roomId = roomId;
    this.metrics = metrics;
    this.audit = audit;
    this.emptied = emptied;
    this.changed = changed;
    this.permissions = permissions;
    this.roster = new Roster(clock);
    this.removals = new Removals(loop, clock);
  }

  /** What the database said when the room loaded: whether it ended, and its links. */
  void loaded(RoomRecord room, List<TokenRecord> links) {
    removals.loaded(room, links);
  }

  /**
   * Takes a socket into the room, unless its link was removed meanwhile or the room has no place
   * for it; a refused socket is closed with the reason. Its participant joins with its first
   * socket.
   */
  boolean join(RoomSocket socket) {
    Principal principal = socket.principal();
    Optional<CloseReason> removed = removals.refusal(principal);
    if (removed.isPresent()) {
      metrics.removedRefused();
      removed.get().close(socket);
      return false;
    }
    Optional<String> full = SocketQuotas.refusal(principal, roster);
    if (full.isPresent()) {
      metrics.roomFull();
      socket.close(SocketQuotas.CLOSE_CODE, full.get());
      return false;
    }
    Roster.Added added = roster.add(socket);
    if (socket instanceof DocumentSocket document) {
      document.joined(added.participant());
    }
    metrics.socketOpened(principal.role());
    if (added.first()) {
      Participant joined = added.participant();
      broadcast(
          new PresenceEvent.ParticipantJoined(joined.wire()),
          Audience.EVERYONE,
          Optional.of(socket));
      audit.write(principal, "joined", Map.of("participantId", joined.id(), "name", joined.name()));
      changed.accept(roster.participants());
      removals.watchExpiry(principal, actor -> remove(actor, CloseReason.EXPIRED));
    }
    return true;
  }

  /**
   * Takes a socket out of the room: it is no longer listed, relayed to or heard from, even while
   * its closing handshake runs. Its participant leaves with its last socket. Nothing when it is not
   * in the room (refused, or taken out already).
   */
  void leave(RoomSocket socket) {
    if (!roster.contains(socket)) {
      return;
    }
    if (socket instanceof DocumentSocket document) {
      document.document().leave(document);
    }
    Optional<Participant> left = roster.remove(socket);
    metrics.socketClosed(socket.principal().role());
    left.ifPresent(
        participant -> {
          removals.cancelExpiry(participant.actor());
          broadcast(
              new PresenceEvent.ParticipantLeft(participant.id()),
              Audience.EVERYONE,
              Optional.empty());
          audit.write(participant.principal(), "left", Map.of("participantId", participant.id()));
          changed.accept(roster.participants());
        });
    if (roster.isEmpty()) {
      emptied.run();
    }
  }

  /** Removes a link: its sockets close with {@code reason} and later ones are refused with it. */
  void remove(String actor, CloseReason reason) {
    remove(actor, reason, reason);
  }

  /**
   * Removes a link: its sockets leave at once and close with {@code close}, and any later socket of
   * it (one admitted just before, a reconnect) is refused with {@code rejoin}.
   */
  void remove(String actor, CloseReason close, CloseReason rejoin) {
    removals.remove(actor, rejoin);
    List<RoomSocket> open = roster.socketsOf(actor);
    if (!open.isEmpty()) {
      log.info("{} closing {} sockets of {}: {}", roomId, open.size(), actor, close.reason());
      open.forEach(this::leave);
      open.forEach(close::close);
    }
  }

  /** The interview ended: everyone is told, every socket closes, and later ones are refused. */
  void end() {
    removals.end();
    broadcast(new ModerationEvent.RoomEnded(), Audience.EVERYONE, Optional.empty());
    List<RoomSocket> open = roster.sockets();
    open.forEach(this::leave);
    open.forEach(CloseReason.ROOM_ENDED::close);
  }

  /** The room moved to another instance: every socket closes, to reconnect to it there. */
  void moved() {
    List<RoomSocket> open = roster.sockets();
    open.forEach(this::leave);
    open.forEach(CloseReason.MOVED::close);
  }

  /** Whether the room's end was acted on here already. */
  boolean ended() {
    return removals.ended();
  }

  /** Whether this link's revocation was acted on here already. */
  boolean revoked(String actor) {
    return removals.revoked(actor);
  }

  Optional<Participant> participantOf(RoomSocket socket) {
    return roster.participantOf(socket);
  }

  Optional<Participant> find(String participantId) {
    return roster.find(participantId);
  }

  List<Participant> participants() {
    return roster.participants();
  }

  boolean isEmpty() {
    return roster.isEmpty();
  }

  /** Sends an event to the control sockets of an audience, encoded once (not per socket). */
  void announce(ControlEvent event, Audience audience) {
    broadcast(event, audience, Optional.empty());
  }

  private void broadcast(ControlEvent event, Audience audience, Optional<RoomSocket> except) {
    String json = null;
    for (ControlSocket socket : roster.controlSockets()) {
      if ((except.isEmpty() || socket != except.get())
          && audience.includes(permissions.of(socket.principal().role()))) {
        if (json == null) {
          json = ControlCodec.encode(event);
        }
        socket.send(json);
      }
    }
  }

  /** The room unloads: no timer of it may fire. */
  void unloaded() {
    removals.clear();
  }
}
