package io.coderoom.server.sync;

import io.coderoom.server.hint.HintReveal;
import io.coderoom.server.hint.HintReveals;
import io.coderoom.server.problem.Problem;
import io.coderoom.server.store.RoomEvents.StoredEvent;
import io.coderoom.server.sync.protocol.Audience;
import io.coderoom.server.sync.protocol.HintsCommand;
import io.coderoom.server.sync.protocol.HintsEvent;
import io.coderoom.server.sync.protocol.HintsState;
import io.coderoom.server.sync.protocol.Permission;
import io.coderoom.server.sync.protocol.RevealedHint;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The problem's hints in the room: those who hold {@link Permission#REVEAL_HINTS} (interviewers)
 * read the next hint and reveal it to everyone, one at a time and in order; everyone else receives
 * a hint's text only once it is revealed (in {@code hint_revealed}, and in the welcome of whoever
 * joins later). Each reveal is stored as a {@code hint_revealed} room event, then announced, and
 * folded back when the room loads. Lives on the room's loop.
 */
final class RoomHints {
  private final RoomContext room;
  private final Supplier<Optional<Problem>> problem;
  private final HintReveals reveals = new HintReveals();

  /**
   * @param problem the room's problem as it is now
   */
  RoomHints(RoomContext room, Supplier<Optional<Problem>> problem) {
    this.room = room;
    this.problem = problem;
  }

  /** The room loaded: its stored reveals. */
  void loaded(List<StoredEvent> events) {
    events.stream().flatMap(event -> HintReveal.of(event).stream()).forEach(reveals::add);
  }

  void command(Sender from, HintsCommand command) {
    room.checkLoop();
    switch (command) {
      case HintsCommand.RevealHint reveal -> reveal(from, reveal);
    }
  }

  /** Its part of {@code welcome}: the hints as {@code you} may see them. */
  HintsState welcome(Participant you) {
    return state(room.permissions().allows(you.role(), Permission.REVEAL_HINTS));
  }

  /** The room's problem changed: everyone gets its hints as they stand. */
  void problemChanged() {
    room.checkLoop();
    room.announce(
        Permission.REVEAL_HINTS,
        new HintsEvent.HintsChanged(state(true)),
        new HintsEvent.HintsChanged(state(false)));
  }

  private void reveal(Sender from, HintsCommand.RevealHint command) {
    Optional<Problem> current = problem.get();
    switch (reveals.reserve(current, command.wanted())) {
      case HintReveals.Refused refused ->
          from.refuse(refused.refusal().code(), refused.refusal().message());
      case HintReveals.Reserved reserved -> {
        Problem revealing = current.orElseThrow();
        int index = reserved.index();
        Participant by = from.participant();
        room.storeThenAnnounce(
            by,
            HintReveal.KIND,
            Audience.EVERYONE,
            HintReveal.body(revealing.id(), index),
            stored -> {
              HintReveal reveal = HintReveal.of(stored).orElseThrow();
              reveals.add(reveal);
              RevealedHint hint = wire(revealing, reveal);
              int total = revealing.hints().size();
              room.announce(
                  Permission.REVEAL_HINTS,
                  new HintsEvent.HintRevealed(
                      revealing.id(), hint, total, by.id(), next(revealing).orElse(null)),
                  new HintsEvent.HintRevealed(revealing.id(), hint, total, by.id(), null));
            },
            () -> reveals.release(revealing.id(), index));
      }
    }
  }

  private HintsState state(boolean revealer) {
    Optional<Problem> current = problem.get();
    if (current.isEmpty()) {
      return new HintsState(null, 0, List.of(), null);
    }
    Problem p = current.get();
    List<RevealedHint> revealed =
        reveals.of(p.id()).stream()
            .filter(reveal -> reveal.index() < p.hints().size())
            .map(reveal -> wire(p, reveal))
            .toList();
    return new HintsState(
        p.id(), p.hints().size(), revealed, revealer ? next(p).orElse(null) : null);
  }

  /** The text of the problem's next hint, while one is left. */
  private Optional<String> next(Problem p) {
    int next = reveals.of(p.id()).size();
    return next < p.hints().size() ? Optional.of(p.hints().get(next)) : Optional.empty();
  }

  private static RevealedHint wire(Problem p, HintReveal reveal) {
    return new RevealedHint(
        reveal.index(), p.hints().get(reveal.index()), reveal.at().toString(), reveal.name());
  }
}
