package io.coderoom.server.sync;

import io.coderoom.server.auth.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is in a room: each participant (a link, or the API key) with its open sockets, control and
 * document alike. Counts sockets per role and per link for the quotas. Lives on the room's loop.
 */
final class Roster {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;
  private final Map<String, Member> byActor = new LinkedHashMap<>();
  private final Map<RoomSocket, Member> bySocket = new IdentityHashMap<>();
  private final Set<ControlSocket> controls = new LinkedHashSet<>();
  private final Map<Role, Integer> socketsByRole = new EnumMap<>(Role.class);

  Roster(Clock clock) {
    this.clock = clock;
  }

  /** A participant and its open sockets. */
  private record Member(Participant participant, Set<RoomSocket> sockets) {}

  /**
   * What adding a socket did.
   *
   * @param participant whose socket it is
   * @param first whether it is the participant's first socket: they just joined
   */
  record Added(Participant participant, boolean first) {}

  Added add(RoomSocket socket) {
    String actor = socket.principal().actor();
    Member member = byActor.get(actor);
    boolean first = member == null;
    if (first) {
      Participant participant =
          new Participant(
              randomId(),
              socket.principal(),
              DisplayName.of(socket.principal(), socket.requestedName()),
              ParticipantColors.pick(
                  byActor.values().stream().map(m -> m.participant().color()).toList()),
              clock.instant());
      member = new Member(participant, Collections.newSetFromMap(new IdentityHashMap<>()));
      byActor.put(actor, member);
    }
    if (member.sockets().add(socket)) {
      bySocket.put(socket, member);
      socketsByRole.merge(socket.principal().role(), 1, Integer::sum);
      if (socket instanceof ControlSocket control) {
        controls.add(control);
      }
    }
    return new Added(member.participant(), first);
  }

  /**
   * Removes the socket; the participant when it was their last socket (they left), empty otherwise
   * or when the socket was not here.
   */
  Optional<Participant> remove(RoomSocket socket) {
    Member member = bySocket.remove(socket);
    if (member == null) {
      return Optional.empty();
    }
    member.sockets().remove(socket);
    socketsByRole.merge(socket.principal().role(), -1, Integer::sum);
    if (socket instanceof ControlSocket control) {
      controls.remove(control);
    }
    if (!member.sockets().isEmpty()) {
      return Optional.empty();
    }
    byActor.remove(member.participant().actor());
    return Optional.of(member.participant());
  }

  boolean contains(RoomSocket socket) {
    return bySocket.containsKey(socket);
  }

  /** The participant a socket belongs to, while it is here. */
  Optional<Participant> participantOf(RoomSocket socket) {
    return Optional.ofNullable(bySocket.get(socket)).map(Member::participant);
  }

  Optional<Participant> find(String participantId) {
    return byActor.values().stream()
        .map(Member::participant)
        .filter(p -> p.id().equals(participantId))
        .findFirst();
  }

  List<Participant> participants() {
    return byActor.values().stream().map(Member::participant).toList();
  }

  /** The open sockets of one link (a copy: closing them changes the roster). */
  List<RoomSocket> socketsOf(String actor) {
    Member member = byActor.get(actor);
    return member == null ? List.of() : List.copyOf(member.sockets());
  }

  /** Every open socket (a copy). */
  List<RoomSocket> sockets() {
    return new ArrayList<>(bySocket.keySet());
  }

  /** The control sockets, in the order they joined: the audience of control events. */
  Set<ControlSocket> controlSockets() {
    return Collections.unmodifiableSet(controls);
  }

  int socketCount() {
    return bySocket.size();
  }

  int socketCount(Role role) {
    return socketsByRole.getOrDefault(role, 0);
  }

  int socketCount(String actor) {
    Member member = byActor.get(actor);
    return member == null ? 0 : member.sockets().size();
  }

  boolean isEmpty() {
    return bySocket.isEmpty();
  }

  private static String randomId() {
    byte[] bytes = new byte[9];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
