package io.coderoom.server.sync;

import io.coderoom.server.sync.protocol.Audience;
import io.coderoom.server.sync.protocol.ControlEvent;

/**
 * Sends an event to the control sockets of an audience, encoded once (see {@link RoomPresence}).
 */
@FunctionalInterface
interface Announcer {
  void announce(ControlEvent event, Audience audience);
}
