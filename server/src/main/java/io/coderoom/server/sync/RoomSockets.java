package io.coderoom.server.sync;

import io.coderoom.server.Futures;
import io.coderoom.server.auth.TokenException;
import io.coderoom.server.cluster.PeerRelay;
import io.coderoom.server.room.Principal;
import io.coderoom.server.room.RoomAccess;
import io.coderoom.server.transport.CloseCode;
import io.coderoom.server.transport.HeldElsewhere;
import io.coderoom.server.transport.Request;
import io.coderoom.server.transport.WebSocketEndpoint;
import io.netty.channel.EventLoop;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Admits a room's sockets: {@code /ws/rooms/{roomId}/code} and {@code /notes} (y-websocket
 * documents) and {@code /control} (JSON events and commands), each with {@code ?token=…} and
 * optionally {@code &name=…} (see {@link DisplayName}). The token must open the room and its role
 * the socket; the room then checks once more, on its loop, whether the link may join (see {@link
 * Removals}, {@link SocketQuotas}). Refusals close the socket with 4000 + the HTTP status and a
 * reason the client can show.
 *
 * <p>A room lives in one server instance at a time (see {@link
 * io.coderoom.server.cluster.RoomOwnership}): a socket of a room another instance holds is
 * authenticated here, then relayed there ({@link PeerRelay}), which admits it as it would a direct
 * one.
 */
public final class RoomSockets implements WebSocketEndpoint {
  private static final String PREFIX = "/ws/rooms/";
  private static final String CONTROL = "control";

  private final RoomAccess access;
  private final RoomRegistry registry;
  private final PeerRelay relay;
  private final Executor blocking;

  public RoomSockets(RoomAccess access, RoomRegistry registry, PeerRelay relay, Executor blocking) {
    this.access = access;
    this.registry = registry;
    this.relay = relay;
    this.blocking = blocking;
  }

  @Override
  public CompletionStage<Admission> admit(Request request, EventLoop loop) {
    String[] parts =
        request.path().startsWith(PREFIX)
            ? request.path().substring(PREFIX.length()).split("/", -1)
            : new String[0];
    boolean control = parts.length == 2 && parts[1].equals(CONTROL);
    Optional<DocumentName> document =
        parts.length == 2 ? DocumentName.fromWireName(parts[1]) : Optional.empty();
    if (parts.length != 2 || parts[0].isEmpty() || (!control && document.isEmpty())) {
      return CompletableFuture.completedFuture(
          new Refuse(
              CloseCode.NOT_FOUND,
              "No such socket; use /ws/rooms/{room}/code, /notes or /control."));
    }
    String roomId = parts[0];
    Optional<String> token = request.queryParameter("token");
    CompletableFuture<Principal> principal =
        CompletableFuture.supplyAsync(() -> authenticate(roomId, token), blocking);
    Optional<String> name = request.queryParameter("name");
    CompletableFuture<Admission> admission =
        control
            ? principal.thenCompose(p -> admitControl(roomId, p, name))
            : principal.thenCompose(p -> admitDocument(roomId, p, document.get(), name));
    admission = admission.exceptionallyCompose(error -> relayIfElsewhere(error, request, loop));
    return admission.exceptionally(RoomSockets::refusal);
  }

  /** A room another instance holds: the socket is relayed there, which admits it. */
  private CompletableFuture<Admission> relayIfElsewhere(
      Throwable error, Request request, EventLoop loop) {
    if (!(Futures.cause(error) instanceof HeldElsewhere held)) {
      return CompletableFuture.failedFuture(error);
    }
    return relay
        .relay(held.address(), request, loop)
        .exceptionally(unreachable -> CloseReason.MOVING.refusal())
        .toCompletableFuture();
  }

  private CompletableFuture<Admission> admitDocument(
      String roomId, Principal principal, DocumentName name, Optional<String> requestedName) {
    if (!name.opensFor(principal.role())) {
      registry.audit(roomId, principal, "open_denied", Map.of("doc", name.wireName()));
      return CompletableFuture.completedFuture(
          new Refuse(CloseCode.FORBIDDEN, "Only interviewers can open the notes."));
    }
    return registry
        .open(roomId, name)
        .thenApply(
            opened ->
                new Accept(
                    new DocumentSocket(
                        opened.room(), opened.document(), principal, requestedName)));
  }

  private CompletableFuture<Admission> admitControl(
      String roomId, Principal principal, Optional<String> requestedName) {
    return registry
        .openRoom(roomId)
        .thenApply(room -> new Accept(new ControlSocket(room, principal, requestedName)));
  }

  private Principal authenticate(String roomId, Optional<String> token) {
    try {
      Principal principal = access.authenticate(roomId, token);
      access.joining(roomId, principal);
      return principal;
    } catch (TokenException e) {
      throw new CompletionException(e);
    }
  }

  private static Admission refusal(Throwable error) {
    if (Futures.cause(error) instanceof TokenException e) {
      return CloseReason.of(e.reason()).refusal();
    }
    throw error instanceof CompletionException c ? c : new CompletionException(error);
  }
}
