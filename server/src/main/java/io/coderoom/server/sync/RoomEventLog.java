package io.coderoom.server.sync;

import io.coderoom.server.store.RoomEvents;
import io.coderoom.server.store.RoomEvents.NewEvent;
import io.coderoom.server.store.RoomEvents.StoredEvent;
import java.util.List;

/**
 * A room's stored events (the {@code room_events} table in production, through {@link RoomEvents}):
 * what features append as things happen and fold back when the room loads. Every call blocks:
 * features append only through {@link RoomContext#storeThenAnnounce}, and the room lists them off
 * its loop as it loads.
 */
interface RoomEventLog {
  StoredEvent append(NewEvent event);

  /** Every event of the room, in order, whatever its audience. */
  List<StoredEvent> list();

  static RoomEventLog of(RoomEvents events, String roomId) {
    return new RoomEventLog() {
      @Override
      public StoredEvent append(NewEvent event) {
        return events.append(roomId, event);
      }

      @Override
      public List<StoredEvent> list() {
        return events.list(roomId, true);
      }
    };
  }
}
