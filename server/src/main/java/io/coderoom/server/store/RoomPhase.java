package io.coderoom.server.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a room is in its life, as the dashboard groups it: upcoming until a candidate first joins,
 * live from then until it ends, past once ended.
 */
public enum RoomPhase {
  LIVE("r.ended_at IS NULL AND r.started_at IS NOT NULL"),
  UPCOMING("r.ended_at IS NULL AND r.started_at IS NULL"),
  PAST("r.ended_at IS NOT NULL");

  /** The SQL condition on {@code rooms r}. */
  final String condition;

  RoomPhase(String condition) {
    this.condition = condition;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<RoomPhase> fromWireName(String name) {
    return Arrays.stream(values()).filter(p -> p.wireName().equals(name)).findFirst();
  }

  /** The phase of a room with these times. */
  public static RoomPhase of(boolean started, boolean ended) {
    return ended ? PAST : started ? LIVE : UPCOMING;
  }
}
