package io.coderoom.crdt.sync;

import io.coderoom.crdt.Subscription;
import io.coderoom.crdt.encoding.Lib0Exception;
import io.coderoom.crdt.encoding.Lib0Reader;
import io.coderoom.crdt.encoding.Lib0Writer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The y-protocols awareness protocol (y-protocols/awareness.js): a state per client id, each with a
 * clock, for presence data such as cursors and names. States are kept as the JSON text that came
 * over the wire (validated, never rebuilt), so relaying them is byte-exact. The owner calls {@link
 * #checkOutdated()} periodically (y-protocols does it every 3 s) to renew the local state and drop
 * remote states not refreshed for {@link #OUTDATED_TIMEOUT}; time comes from an injectable {@link
 * InstantSource}.
 *
 * <p>Not thread-safe: drive it on the thread that owns it.
 */
public final class Awareness {
  /** y-protocols outdatedTimeout: a remote state not renewed for this long is removed. */
  public static final Duration OUTDATED_TIMEOUT = Duration.ofSeconds(30);

  private static final long TIMEOUT_MILLIS = OUTDATED_TIMEOUT.toMillis();

  private final long clientId;
  private final InstantSource clock;
  private final Map<Long, String> states = new LinkedHashMap<>();
  private final Map<Long, ClientMeta> meta = new LinkedHashMap<>();
  private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();

  /**
   * Awareness for the local client {@code clientId} (the document's client id), on the system
   * clock.
   */
  public Awareness(long clientId) {
    this(clientId, InstantSource.system());
  }

  /**
   * Like y-protocols, starts with the local state {@code {}} at clock 0; a server that has no
   * presence of its own calls {@code setLocalState(null)}.
   */
  public Awareness(long clientId, InstantSource clock) {
    if (clientId < 0 || clientId > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(
          "client id must be an unsigned 32-bit integer: " + clientId);
    }
    this.clientId = clientId;
    this.clock = Objects.requireNonNull(clock, "clock");
    setLocalState("{}");
  }

  public long clientId() {
    return clientId;
  }

  public Optional<String> localState() {
    return Optional.ofNullable(states.get(clientId));
  }

  /** Client id to JSON state, for every client with a state. */
  public Map<Long, String> states() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(states));
  }

  /** The clock and last-update time known for a client, also after its state was removed. */
  public Optional<ClientMeta> meta(long client) {
    return Optional.ofNullable(meta.get(client));
  }

  /**
   * Sets (or with {@code null}, removes) the local state and bumps the local clock.
   *
   * @param json a JSON value as text
   * @throws IllegalArgumentException if {@code json} is not valid JSON
   */
  public void setLocalState(String json) {
    if (json != null && !JsonText.isValid(json)) {
      throw new IllegalArgumentException("awareness state is not valid JSON");
    }
    if (json != null && JsonText.isNull(json)) {
      json = null;
    }
    ClientMeta current = meta.get(clientId);
    long nextClock = current == null ? 0 : current.clock() + 1;
    String prev = states.get(clientId);
    if (json == null) {
      states.remove(clientId);
    } else {
      states.put(clientId, json);
    }
    meta.put(clientId, new ClientMeta(nextClock, clock.millis()));
    List<Long> added = new ArrayList<>();
    List<Long> updated = new ArrayList<>();
    List<Long> changed = new ArrayList<>();
    List<Long> removed = new ArrayList<>();
    if (json == null) {
      removed.add(clientId);
    } else if (prev == null) {
      added.add(clientId);
    } else {
      updated.add(clientId);
      if (!prev.equals(json)) {
        changed.add(clientId);
      }
    }
    emit(new Event(added, updated, changed, removed, Origin.LOCAL));
  }

  /**
   * Encodes the states of {@code clients} (awareness.js encodeAwarenessUpdate); a client whose
   * state was removed is sent as {@code null} with its clock.
   *
   * @throws IllegalArgumentException for a client this awareness has never heard of
   */
  public byte[] encodeUpdate(Collection<Long> clients) {
    Lib0Writer w = new Lib0Writer();
    w.writeVarUint(clients.size());
    for (long client : clients) {
      ClientMeta m = meta.get(client);
      if (m == null) {
        throw new IllegalArgumentException("unknown awareness client " + client);
      }
      String state = states.get(client);
      w.writeVarUint(client);
      w.writeVarUint(m.clock());
      w.writeVarString(state == null ? "null" : state);
    }
    return w.toByteArray();
  }

  /** Encodes every known state: what a server sends a new connection. */
  public byte[] encodeAllStates() {
    return encodeUpdate(new ArrayList<>(states.keySet()));
  }

  /**
   * Applies a remote awareness update (awareness.js applyAwarenessUpdate): a state is taken when
   * its clock is newer, and a {@code null} state with the current clock removes the client. A
   * remote attempt to remove the local state is refused by bumping the local clock instead. The
   * whole update is validated before anything is applied.
   *
   * @return what changed, also delivered to listeners if anything did
   * @throws ProtocolException if the update is malformed or a state is not valid JSON
   */
  public Event applyUpdate(byte[] update, Object origin) throws ProtocolException {
    Objects.requireNonNull(update, "update");
    List<Entry> entries = decode(update);
    long now = clock.millis();
    List<Long> added = new ArrayList<>();
    List<Long> updated = new ArrayList<>();
    List<Long> changed = new ArrayList<>();
    List<Long> removed = new ArrayList<>();
    for (Entry e : entries) {
      ClientMeta clientMeta = meta.get(e.client);
      String prevState = states.get(e.client);
      long currClock = clientMeta == null ? 0 : clientMeta.clock();
      long entryClock = e.clock;
      boolean isNull = e.state == null;
      if (currClock < entryClock
          || (currClock == entryClock && isNull && states.containsKey(e.client))) {
        if (isNull) {
          if (e.client == clientId && states.get(clientId) != null) {
            // Never let a remote peer remove the local state: announce it again with a newer clock.
            entryClock++;
          } else {
            states.remove(e.client);
          }
        } else {
          states.put(e.client, e.state);
        }
        meta.put(e.client, new ClientMeta(entryClock, now));
        if (clientMeta == null && !isNull) {
          added.add(e.client);
        } else if (clientMeta != null && isNull) {
          removed.add(e.client);
        } else if (!isNull) {
          if (!e.state.equals(prevState)) {
            changed.add(e.client);
          }
          updated.add(e.client);
        }
      }
    }
    Event event = new Event(added, updated, changed, removed, origin);
    emit(event);
    return event;
  }

  /**
   * Removes the states of {@code clients} (awareness.js removeAwarenessStates), e.g. those a closed
   * connection controlled. Removing the local state bumps the local clock.
   */
  public Event removeStates(Collection<Long> clients, Object origin) {
    List<Long> removed = new ArrayList<>();
    for (long client : clients) {
      if (states.containsKey(client)) {
        states.remove(client);
        if (client == clientId) {
          ClientMeta cur = meta.get(client);
          meta.put(client, new ClientMeta(cur.clock() + 1, clock.millis()));
        }
        removed.add(client);
      }
    }
    Event event = new Event(List.of(), List.of(), List.of(), removed, origin);
    emit(event);
    return event;
  }

  /**
   * Forgets the clocks of {@code clients} that have no state (their state was removed, or they were
   * only ever announced as removed); clients with a state, and the local client, are kept.
   *
   * <p>y-protocols never forgets a client: its clock stops an older update that arrives late from
   * bringing a removed state back. A server removes a client's states when the connection that
   * controlled them closes, after which nothing more arrives from it, so the clock protects nothing
   * there while costing memory for as long as the room lives, and a peer announcing ever new client
   * ids (each removed at once) could grow it without bound. A client forgotten and heard from again
   * starts over, as a new one.
   *
   * @return the clients forgotten
   */
  public List<Long> forget(Collection<Long> clients) {
    List<Long> forgotten = new ArrayList<>();
    for (long client : clients) {
      if (client != clientId && !states.containsKey(client) && meta.remove(client) != null) {
        forgotten.add(client);
      }
    }
    return forgotten;
  }

  /**
   * The periodic check of awareness.js: renews the local state when half the timeout has passed
   * since it was last set, and removes (origin {@link Origin#TIMEOUT}) remote states not updated
   * for {@link #OUTDATED_TIMEOUT}.
   *
   * @return the removals made
   */
  public Event checkOutdated() {
    long now = clock.millis();
    String local = states.get(clientId);
    ClientMeta localMeta = meta.get(clientId);
    if (local != null && TIMEOUT_MILLIS / 2 <= now - localMeta.lastUpdatedMillis()) {
      setLocalState(local);
    }
    List<Long> remove = new ArrayList<>();
    meta.forEach(
        (client, m) -> {
          if (client != clientId
              && TIMEOUT_MILLIS <= now - m.lastUpdatedMillis()
              && states.containsKey(client)) {
            remove.add(client);
          }
        });
    return remove.isEmpty()
        ? new Event(List.of(), List.of(), List.of(), List.of(), Origin.TIMEOUT)
        : removeStates(remove, Origin.TIMEOUT);
  }

  /** Listens to every update that touched a client (awareness.js 'update'; see Event#changed). */
  public Subscription onUpdate(Consumer<Event> listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private void emit(Event event) {
    if (event.isEmpty()) {
      return;
    }
    for (Consumer<Event> l : listeners) {
      l.accept(event);
    }
  }

  private static List<Entry> decode(byte[] update) throws ProtocolException {
    Lib0Reader r = new Lib0Reader(update);
    try {
      long len = r.readVarUint();
      List<Entry> out = new ArrayList<>();
      for (long k = 0; k < len; k++) {
        long client = r.readVarUint();
        long clock = r.readVarUint();
        String json = r.readVarString();
        if (client > 0xFFFF_FFFFL) {
          throw new ProtocolException("awareness client id out of range: " + client);
        }
        if (!JsonText.isValid(json)) {
          throw new ProtocolException("awareness state of client " + client + " is not valid JSON");
        }
        out.add(new Entry(client, clock, JsonText.isNull(json) ? null : json));
      }
      return out;
    } catch (Lib0Exception | IndexOutOfBoundsException e) {
      throw new ProtocolException("malformed awareness update: " + e.getMessage(), e);
    }
  }

  private record Entry(long client, long clock, String state) {}

  /** The last clock seen for a client and when (epoch millis) it was last updated. */
  public record ClientMeta(long clock, long lastUpdatedMillis) {}

  /** Origins this class uses itself; remote updates carry the caller's origin. */
  public enum Origin {
    LOCAL,
    TIMEOUT
  }

  /**
   * One awareness change (awareness.js 'update' event).
   *
   * @param added clients that got a state
   * @param updated clients whose state was renewed (possibly to the same JSON)
   * @param changed the subset of {@code updated} whose JSON text differs (awareness.js 'change')
   * @param removed clients whose state was removed
   */
  public record Event(
      List<Long> added, List<Long> updated, List<Long> changed, List<Long> removed, Object origin) {
    public Event {
      added = List.copyOf(added);
      updated = List.copyOf(updated);
      changed = List.copyOf(changed);
      removed = List.copyOf(removed);
    }

    public boolean isEmpty() {
      return added.isEmpty() && updated.isEmpty() && removed.isEmpty();
    }

    /** True when awareness.js would emit 'change': something was added, changed or removed. */
    public boolean isChange() {
      return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty();
    }
  }
}
