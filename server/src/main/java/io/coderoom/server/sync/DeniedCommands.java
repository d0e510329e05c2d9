package io.coderoom.server.sync;

import io.coderoom.server.room.Principal;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Audits refused control commands without letting one socket flood the audit log: a socket may send
 * 20 commands a second, and each refused one used to be a row. The first refusal of a kind on a
 * socket opens a window; when it ends (or the socket closes) one {@code command_denied} row says
 * how many there were. Lives on the room's loop.
 */
final class DeniedCommands {
  /** How long refusals of one kind on one socket are counted into one audit row. */
  static final Duration WINDOW = Duration.ofSeconds(10);

  private record Key(ControlSocket socket, String command) {}

  private static final class Window {
    final Principal principal;
    final ScheduledFuture<?> end;
    int count;

    Window(Principal principal, ScheduledFuture<?> end) {
      this.principal = principal;
      this.end = end;
    }
  }

  private final EventLoop loop;
  private final AuditLog audit;
  private final Map<Key, Window> open = new LinkedHashMap<>();

  DeniedCommands(EventLoop loop, AuditLog audit) {
    this.loop = Objects.requireNonNull(loop, "loop");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  /** Counts one refused command of the socket. */
  void denied(ControlSocket socket, Principal principal, String command) {
    Key key = new Key(socket, command);
    open.computeIfAbsent(
            key,
            k ->
                new Window(
                    principal,
                    loop.schedule(() -> close(k), WINDOW.toMillis(), TimeUnit.MILLISECONDS)))
        .count++;
  }

  /** The socket closed: its windows end now. */
  void closed(ControlSocket socket) {
    for (Iterator<Map.Entry<Key, Window>> it = open.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Key, Window> entry = it.next();
      if (entry.getKey().socket() == socket) {
        it.remove();
        entry.getValue().end.cancel(false);
        write(entry.getKey(), entry.getValue());
      }
    }
  }

  private void close(Key key) {
    Window window = open.remove(key);
    if (window != null) {
      write(key, window);
    }
  }

  private void write(Key key, Window window) {
    audit.write(
        window.principal,
        "command_denied",
        Map.of("command", key.command(), "count", window.count, "seconds", WINDOW.toSeconds()));
  }
}
