package io.coderoom.server.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Waits for a document to hold a peer's state: every edit its Yjs state vector counts (for each
 * client, at least as many of its structs). Edits come on the document's socket and a command that
 * depends on them on another, so the command may arrive first. Lives on the room's loop.
 */
final class StateWaits {
  private record Wait(Map<Long, Long> state, CompletableFuture<Void> held) {}

  private final List<Wait> waits = new ArrayList<>();

  /** Whether a document with state vector {@code have} holds every edit {@code wanted} counts. */
  static boolean holds(Map<Long, Long> have, Map<Long, Long> wanted) {
    return wanted.entrySet().stream()
        .allMatch(client -> have.getOrDefault(client.getKey(), 0L) >= client.getValue());
  }

  /**
   * Completes once the document holds {@code wanted} (at once if it does); the caller bounds the
   * wait by completing the future itself, which drops it.
   */
  CompletableFuture<Void> until(Map<Long, Long> wanted, Map<Long, Long> now) {
    if (holds(now, wanted)) {
      return CompletableFuture.completedFuture(null);
    }
    Wait wait = new Wait(wanted, new CompletableFuture<>());
    waits.add(wait);
    return wait.held();
  }

  /** The document changed: completes the waits it now satisfies, and drops the ones given up. */
  void changed(Supplier<Map<Long, Long>> now) {
    if (waits.isEmpty()) {
      return;
    }
    Map<Long, Long> have = now.get();
    List<Wait> held = waits.stream().filter(wait -> holds(have, wait.state())).toList();
    waits.removeIf(wait -> wait.held().isDone() || held.contains(wait));
    held.forEach(wait -> wait.held().complete(null));
  }
}
