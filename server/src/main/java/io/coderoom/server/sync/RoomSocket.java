package io.coderoom.server.sync;

import io.coderoom.server.room.Principal;
import io.coderoom.server.transport.CloseCode;
import java.util.Optional;

/**
 * A socket of a room, control or document alike. Every one belongs to the participant of the link
 * it was opened with, so it is listed, counted against that link's quota and closed when the link
 * is removed.
 */
sealed interface RoomSocket permits ControlSocket, DocumentSocket {
  /** Who opened it. */
  Principal principal();

  /** The {@code ?name=} it was opened with, if any (see {@link DisplayName}). */
  Optional<String> requestedName();

  /** Closes it with a close code and a reason its client can show. */
  void close(CloseCode code, String reason);
}
