package io.coderoom.server.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.server.room.Principal;
import io.coderoom.server.store.RoomEvents;
import io.coderoom.server.store.RoomEvents.StoredEvent;
import io.coderoom.server.sync.protocol.Audience;
import io.coderoom.server.sync.protocol.ControlEvent;
import io.coderoom.server.sync.protocol.Permission;
import io.coderoom.server.sync.protocol.RolePermissions;
import io.netty.util.concurrent.EventExecutor;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a feature of a live room gets from its room: the room's loop (everything of a feature runs
 * there), the time, announcing events to an audience, storing then announcing, and the audit log.
 * Built by {@link LiveRoom}; a feature's unit test builds one on a plain event loop with an event
 * log in memory.
 */
final class RoomContext {
  private static final Logger log = LoggerFactory.getLogger(RoomContext.class);

  private final String roomId;
  private final EventExecutor loop;
  private final Executor blocking;
  private final Clock clock;
  private final RolePermissions permissions;
  private final Announcer announcer;
  private final AuditLog audit;
  private final RoomEventLog events;
  private int storing;

  RoomContext(
      String roomId,
      EventExecutor loop,
      Executor blocking,
      Clock clock,
      RolePermissions permissions,
      Announcer announcer,
      AuditLog audit,
      RoomEventLog events) {
    this.roomId = roomId;
    this.loop = loop;
    this.blocking = blocking;
    this.clock = clock;
    this.permissions = permissions;
    this.announcer = announcer;
    this.audit = audit;
    this.events = events;
  }

  String roomId() {
    return roomId;
  }

  EventExecutor loop() {
    return loop;
  }

  /** The server's time now. */
  Instant now() {
    return clock.instant();
  }

  RolePermissions permissions() {
    return permissions;
  }

  /** Fails unless called on the room's loop: a room's state is only ever touched there. */
  void checkLoop() {
    if (!loop.inEventLoop()) {
      throw new IllegalStateException(
          "room " + roomId + " touched from " + Thread.currentThread().getName());
    }
  }

  /** Sends an event to everyone in the room. */
  void announce(ControlEvent event) {
    announce(event, Audience.EVERYONE);
  }

  void announce(ControlEvent event, Audience audience) {
    checkLoop();
    announcer.announce(event, audience);
  }

  /**
   * Sends the holders of a permission one event and everyone else another (hidden test details go
   * to those who may see hidden tests).
   */
  void announce(Permission holders, ControlEvent forHolders, ControlEvent forOthers) {
    announce(forHolders, Audience.holdersOf(holders));
    announce(forOthers, Audience.lackingOf(holders));
  }

  void audit(Principal principal, String action, Map<String, ?> detail) {
    audit.write(principal, action, detail);
  }

  /**
   * Stores an event of the room off the loop, then, back on the loop and only once it is stored,
   * applies it (changes the feature's state and announces it). Nothing is announced that a reload
   * would not find; a failed store is logged and changes nothing.
   *
   * @param by who did it (the event's actor and name)
   * @param audience everyone, or the holders of a permission (stored as for interviewers: the only
   *     roles {@code room_events} tells apart)
   */
  void storeThenAnnounce(
      Participant by, String kind, Audience audience, JsonNode body, Consumer<StoredEvent> apply) {
    storeThenAnnounce(by, kind, audience, body, apply, () -> {});
  }

  /**
   * As {@link #storeThenAnnounce(Participant, String, Audience, JsonNode, Consumer)}, and when the
   * store fails, runs {@code failed} on the loop (a feature that held something back for the event,
   * such as the next hint, lets it go).
   */
  void storeThenAnnounce(
      Participant by,
      String kind,
      Audience audience,
      JsonNode body,
      Consumer<StoredEvent> apply,
      Runnable failed) {
    checkLoop();
    if (audience.permission().isPresent() && !audience.holders()) {
      throw new IllegalArgumentException("a stored event goes to everyone or to holders");
    }
    RoomEvents.NewEvent event =
        new RoomEvents.NewEvent(
            kind,
            by.actor(),
            by.name(),
            audience.permission().isPresent()
                ? RoomEvents.Audience.INTERVIEWERS
                : RoomEvents.Audience.EVERYONE,
            now(),
            body);
    storeThenApply(kind, () -> events.append(event), apply, failed);
  }

  /**
   * Stores something off the loop (the supplier blocks), then applies the result on the loop. A
   * failed store is logged and applies nothing.
   */
  <T> void storeThenApply(String what, Supplier<T> store, Consumer<T> apply) {
    storeThenApply(what, store, apply, () -> {});
  }

  private <T> void storeThenApply(
      String what, Supplier<T> store, Consumer<T> apply, Runnable failed) {
    storing++;
    CompletableFuture.supplyAsync(store, blocking)
        .whenCompleteAsync(
            (stored, error) -> {
              storing--;
              if (error != null) {
                log.warn("{} could not store {}: {}", roomId, what, error.toString());
                failed.run();
              } else {
                apply.accept(stored);
              }
            },
            loop);
  }

  /** Whether something is still on its way to the database (the room does not unload then). */
  boolean storing() {
    return storing > 0;
  }
}
