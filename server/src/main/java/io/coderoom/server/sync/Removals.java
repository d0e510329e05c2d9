package io.coderoom.server.sync;

import io.coderoom.server.room.Principal;
import io.coderoom.server.store.RoomRecord;
import io.coderoom.server.store.TokenRecord;
import io.netty.channel.EventLoop;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Who may no longer be in a live room: links that were kicked, revoked or expired, and everyone
 * once the room ended. A socket is admitted off the loop (its token is checked against the
 * database) and joins on the loop later; a removal can land in between, so every join asks here
 * again, on the loop, and a removed link never comes back in whatever its admission found.
 *
 * <p>A room loads the revocations already stored, and stays loaded while one it made is still being
 * stored, so a socket admitted by a fresh load of the room never beats them either. Lives on the
 * room's loop.
 */
final class Removals {
  private final EventLoop loop;
  private final Clock clock;
  private final Map<String, CloseReason> removed = new HashMap<>();
  private final Map<String, ScheduledFuture<?>> expiries = new HashMap<>();
  private Optional<CloseReason> ended = Optional.empty();

  Removals(EventLoop loop, Clock clock) {
    this.loop = loop;
    this.clock = clock;
  }

  /** What the database said when the room loaded: whether it ended, and its revoked links. */
  void loaded(RoomRecord room, List<TokenRecord> links) {
    if (room.ended()) {
      end();
    }
    links.stream()
        .filter(link -> link.revokedAt().isPresent())
        .forEach(link -> removed.putIfAbsent(Principal.tokenActor(link.id()), CloseReason.REVOKED));
  }

  /** Later sockets of this link are refused with {@code rejoin}. */
  void remove(String actor, CloseReason rejoin) {
    removed.put(actor, rejoin);
    cancelExpiry(actor);
  }

  /** The room ended: every later socket is refused. */
  void end() {
    ended = Optional.of(CloseReason.ROOM_ENDED);
  }

  boolean ended() {
    return ended.isPresent();
  }

  /** Whether this link's sockets are refused as revoked already. */
  boolean revoked(String actor) {
    return CloseReason.REVOKED.equals(removed.get(actor));
  }

  /** Why a socket of this principal may not join now, if it may not. */
  Optional<CloseReason> refusal(Principal principal) {
    return ended
        .or(() -> Optional.ofNullable(removed.get(principal.actor())))
        .or(
            () ->
                principal
                    .token()
                    .filter(token -> !clock.instant().isBefore(token.expiresAt()))
                    .map(token -> CloseReason.EXPIRED));
  }

  /**
   * Removes the principal's link when its token expires, by calling {@code expire} with its actor
   * on the loop. Nothing for the API key, which does not expire.
   */
  void watchExpiry(Principal principal, Consumer<String> expire) {
    principal
        .token()
        .ifPresent(
            token -> {
              String actor = principal.actor();
              long delay =
                  Math.max(0, Duration.between(clock.instant(), token.expiresAt()).toMillis());
              ScheduledFuture<?> previous =
                  expiries.put(
                      actor,
                      loop.schedule(
                          () -> {
                            expiries.remove(actor);
                            remove(actor, CloseReason.EXPIRED);
                            expire.accept(actor);
                          },
                          delay,
                          TimeUnit.MILLISECONDS));
              if (previous != null) {
                previous.cancel(false);
              }
            });
  }

  /** The link's last socket closed: nothing left to expire. */
  void cancelExpiry(String actor) {
    ScheduledFuture<?> expiry = expiries.remove(actor);
    if (expiry != null) {
      expiry.cancel(false);
    }
  }

  /** The room unloads: no timer of it may fire. */
  void clear() {
    expiries.values().forEach(expiry -> expiry.cancel(false));
    expiries.clear();
  }
}
