package io.coderoom.server.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A client typing tokens at the end of the code, as fast as a person, keeping what it typed (and
 * when) to check later. Typing goes on while its socket is down, as it does in a browser tab.
 */
final class Typist {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** A token typed, and when. */
  record Typed(String token, Instant at) {}

  final String name;
  final TestRoom.Link link;
  final List<Typed> typed = new CopyOnWriteArrayList<>();
  private YClient client;
  private volatile Thread typing;

  Typist(String name, TestRoom room, TestRoom.Link link) throws Exception {
    this.name = name;
    this.link = link;
    this.client = room.code(link);
    client.awaitSynced();
  }

  synchronized YClient client() {
    return client;
  }

  void start() {
    typing = Thread.ofVirtual().start(this::type);
  }

  private void type() {
    int n = 0;
    while (typing == Thread.currentThread()) {
      String token = "<" + name + "." + n++ + ">";
      synchronized (this) {
        // Read the end and insert there in one go: a remote change landing in between could
        // otherwise put the end inside another client's token.
        synchronized (client) {
          client.insert(client.text().length(), token);
        }
      }
      typed.add(new Typed(token, Instant.now()));
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  void stop() {
    Thread running = typing;
    typing = null;
    if (running != null) {
      try {
        running.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Opens the code again through {@code room}'s address with what it has, retrying as a tab does.
   */
  synchronized void reconnect(TestRoom room) throws Exception {
    YClient previous = client;
    previous.close();
    long deadline = System.nanoTime() + WAIT.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try {
        YClient next = room.reconnect(previous, link);
        Optional<YClient.Close> refused = next.awaitSyncedOrClosed();
        if (refused.isEmpty()) {
          client = next;
          return;
        }
        next.close();
        last = new IllegalStateException("closed: " + refused.get());
      } catch (Exception e) {
        last = e;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(name + " could not reconnect", last);
  }
}
