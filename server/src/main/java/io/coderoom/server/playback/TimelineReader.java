package io.coderoom.server.playback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.server.room.Principal;
import io.coderoom.server.run.RunRecord;
import io.coderoom.server.run.RunStore;
import io.coderoom.server.store.DocumentLog;
import io.coderoom.server.store.RoomEvents;
import io.coderoom.server.store.RoomRecord;
import io.coderoom.server.store.RoomTables;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads a room's timeline from PostgreSQL alone (the update log, runs, room events and the audit
 * log), so it is the same whether the room is loaded, was never loaded since a restart, or ended
 * long ago. Every call blocks.
 */
public final class TimelineReader {
  /** The code document: the one playback replays. */
  static final String CODE = "code";

  /** The audited actions that are moments of the interview (the rest are link bookkeeping). */
  static final List<String> AUDITED_MOMENTS =
      List.of(
          "joined",
          "left",
          "editing_locked",
          "editing_unlocked",
          "language_changed",
          "problem_changed",
          "participant_kicked",
          "room_ended");

  private static final String USER = "user:";
  private static final String SERVER = "server";
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Jdbi jdbi;
  private final DocumentLog log;
  private final RunStore runs;
  private final RoomEvents events;

  public TimelineReader(Jdbi jdbi, DocumentLog log, RunStore runs, RoomEvents events) {
    this.jdbi = jdbi;
    this.log = log;
    this.runs = runs;
    this.events = events;
  }

  /** The room's whole timeline, every update included (for the offline file). */
  public Optional<Timeline> readAll(String roomId) {
    return read(roomId, 0, Integer.MAX_VALUE);
  }

  /**
   * The room's timeline with up to {@code limit} updates after {@code afterSeq}; empty when the
   * room does not exist.
   */
  public Optional<Timeline> read(String roomId, long afterSeq, int limit) {
    Optional<RoomRecord> room = jdbi.withHandle(h -> RoomTables.findRoom(h, roomId));
    if (room.isEmpty()) {
      return Optional.empty();
    }
    List<Timeline.Update> updates =
        log.history(roomId, CODE, afterSeq, limit).stream()
            .map(e -> new Timeline.Update(e.seq(), e.at(), e.author(), e.update()))
            .toList();
    List<Timeline.Marker> markers = new ArrayList<>();
    runs.forRoom(roomId).forEach(run -> markers.add(runMarker(run)));
    List<RoomEvents.StoredEvent> stored = events.list(roomId, true);
    for (RoomEvents.StoredEvent e : stored) {
      markers.add(new Timeline.Marker(e.kind(), e.at(), e.actor(), e.body()));
    }
    markers.addAll(jdbi.withHandle(h -> auditedMoments(h, roomId)));
    // Stable: moments stored at the same instant keep their sources' order.
    markers.sort(Comparator.comparing(Timeline.Marker::at));
    Set<String> actors = new LinkedHashSet<>(jdbi.withHandle(h -> updateAuthors(h, roomId)));
    markers.forEach(m -> actors.add(m.actor()));
    List<Timeline.Author> authors = List.copyOf(authors(roomId, actors, stored).values());
    RoomRecord r = room.get();
    return Optional.of(
        new Timeline(
            new Timeline.Room(
                r.id(), r.title(), r.language(), r.problemId(), r.createdAt(), r.endedAt()),
            authors,
            markers,
            updates,
            updates.size() == limit
                ? Optional.of(updates.get(updates.size() - 1).seq())
                : Optional.empty()));
  }

  private static Timeline.Marker runMarker(RunRecord run) {
    ObjectNode detail = JSON.createObjectNode();
    detail.put("runId", run.id());
    detail.put("mode", run.mode());
    detail.put("language", run.language());
    run.problemId().ifPresent(p -> detail.put("problemId", p));
    Optional<RunResult> result = run.result();
    detail.put(
        "status", result.map(r -> r.status().name().toLowerCase(Locale.ROOT)).orElse("running"));
    result.ifPresent(
        r -> {
          detail.put("exitCode", r.exitCode());
          detail.put("runMs", r.runMs());
          r.tests()
              .ifPresent(
                  tests -> {
                    detail.put("passed", tests.passed());
                    detail.put("total", tests.total());
                  });
        });
    return new Timeline.Marker("run", run.createdAt(), run.requestedBy(), detail);
  }

  private static List<Timeline.Marker> auditedMoments(Handle h, String roomId) {
    return h.createQuery(
            "SELECT action, at, actor, detail::text FROM audit_log WHERE room_id = :room"
                + " AND action IN (<actions>) ORDER BY id")
        .bind("room", roomId)
        .bindList("actions", AUDITED_MOMENTS)
        .map(
            (rs, ctx) ->
                new Timeline.Marker(
                    rs.getString(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getString(3),
                    read(rs.getString(4))))
        .list();
  }

  private static List<String> updateAuthors(Handle h, String roomId) {
    return h.createQuery(
            "SELECT author FROM document_updates WHERE room_id = :room AND doc = :doc"
                + " GROUP BY author ORDER BY min(seq)")
        .bind("room", roomId)
        .bind("doc", CODE)
        .mapTo(String.class)
        .list();
  }

  /**
   * The name and role the room gives each of these actors, in their order: the last name they
   * joined under, else the name a room event of theirs ({@code stored}, the room's events) was
   * stored with, else their link's name, else their account's name, else one made from their role.
   */
  public Map<String, Timeline.Author> authors(
      String roomId, Collection<String> actors, List<RoomEvents.StoredEvent> stored) {
    // The name the room showed each actor when they last did something stored as a room event.
    Map<String, String> shownAs = new HashMap<>();
    for (RoomEvents.StoredEvent e : stored) {
      if (!e.name().isEmpty()) {
        shownAs.put(e.actor(), e.name());
      }
    }
    return jdbi.withHandle(h -> authors(h, roomId, actors, shownAs));
  }

  private static Map<String, Timeline.Author> authors(
      Handle h, String roomId, Collection<String> actors, Map<String, String> shownAs) {
    Map<String, String> joinedAs = new HashMap<>(shownAs);
    h.createQuery(
            "SELECT actor, detail->>'name' FROM audit_log WHERE room_id = :room"
                + " AND action = 'joined' AND coalesce(detail->>'name', '') <> '' ORDER BY id")
        .bind("room", roomId)
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .forEach(e -> joinedAs.put(e.getKey(), e.getValue()));
    record Link(String role, String name) {}
    Map<String, Link> links = new HashMap<>();
    h.createQuery("SELECT id, role, name FROM room_tokens WHERE room_id = :room")
        .bind("room", roomId)
        .map((rs, ctx) -> Map.entry(rs.getString(1), new Link(rs.getString(2), rs.getString(3))))
        .forEach(e -> links.put(Principal.tokenActor(e.getKey()), e.getValue()));
    List<String> userIds =
        actors.stream()
            .filter(a -> a.startsWith(USER))
            .map(a -> a.substring(USER.length()))
            .toList();
    Map<String, String> accounts = new HashMap<>();
    if (!userIds.isEmpty()) {
      h.createQuery("SELECT id, name FROM users WHERE id IN (<ids>)")
          .bindList("ids", userIds)
          .map((rs, ctx) -> Map.entry(USER + rs.getString(1), rs.getString(2)))
          .forEach(e -> accounts.put(e.getKey(), e.getValue()));
    }
    Map<String, Timeline.Author> authors = new LinkedHashMap<>();
    for (String actor : actors) {
      Optional<Link> link = Optional.ofNullable(links.get(actor));
      String role = link.map(Link::role).orElse(actor.equals(SERVER) ? SERVER : "interviewer");
      String name =
          Optional.ofNullable(joinedAs.get(actor))
              .or(() -> link.map(Link::name).filter(n -> !n.isEmpty()))
              .or(() -> Optional.ofNullable(accounts.get(actor)))
              .orElseGet(() -> fallbackName(actor, role));
      authors.put(actor, new Timeline.Author(actor, name, role));
    }
    return authors;
  }

  private static String fallbackName(String actor, String role) {
    if (actor.equals(Principal.API_KEY_ACTOR)) {
      return "API key";
    }
    return role.substring(0, 1).toUpperCase(Locale.ROOT) + role.substring(1);
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
