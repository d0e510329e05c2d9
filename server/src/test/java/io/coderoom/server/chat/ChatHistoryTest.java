package io.coderoom.server.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.coderoom.server.auth.Role;
import io.coderoom.server.store.RoomEvents.Audience;
import io.coderoom.server.store.RoomEvents.StoredEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChatHistoryTest {
  private static ChatMessage message(long id, ChatChannel channel) {
    return new ChatMessage(
        id, channel, "m" + id, "token:a", "Ada", Role.INTERVIEWER, Instant.EPOCH);
  }

  @Test
  void aReaderGetsTheChannelsTheyMayReadInOrderAndOnlyTheLatest() {
    ChatHistory history = new ChatHistory();
    for (long id = 1; id <= ChatHistory.KEPT + 10; id++) {
      history.add(message(id, id % 2 == 0 ? ChatChannel.INTERVIEWERS : ChatChannel.EVERYONE));
    }
    history.add(message(3, ChatChannel.EVERYONE)); // folded twice
    assertThat(history.size()).isEqualTo(ChatHistory.KEPT);
    var everyone = history.readable(channel -> channel == ChatChannel.EVERYONE);
    assertThat(everyone).allMatch(m -> m.channel() == ChatChannel.EVERYONE);
    assertThat(everyone.getFirst().id()).isEqualTo(11);
    assertThat(everyone.getLast().id()).isEqualTo(ChatHistory.KEPT + 9);
    assertThat(history.readable(channel -> true)).hasSize(ChatHistory.KEPT);
  }

  @Test
  void aStoredEventReadsBackAsItsMessage() throws Exception {
    var body = ChatMessage.body(ChatChannel.INTERVIEWERS, "strong start", Role.OBSERVER);
    assertThat(body.toString())
        .isEqualTo(
            "{\"channel\":\"interviewers\",\"text\":\"strong start\",\"role\":\"observer\"}");
    StoredEvent stored =
        new StoredEvent(
            7, ChatMessage.KIND, "token:o", "Lin", Audience.INTERVIEWERS, Instant.EPOCH, body);
    assertThat(ChatMessage.of(stored))
        .contains(
            new ChatMessage(
                7,
                ChatChannel.INTERVIEWERS,
                "strong start",
                "token:o",
                "Lin",
                Role.OBSERVER,
                Instant.EPOCH));
    var other = JsonMapper.builder().build().readTree("{\"channel\":\"elsewhere\",\"text\":\"x\"}");
    assertThat(
            ChatMessage.of(
                new StoredEvent(
                    8,
                    ChatMessage.KIND,
                    "token:o",
                    "Lin",
                    Audience.EVERYONE,
                    Instant.EPOCH,
                    other)))
        .isEmpty();
    assertThat(
            ChatMessage.of(
                new StoredEvent(
                    9, "hint_revealed", "token:o", "Lin", Audience.EVERYONE, Instant.EPOCH, body)))
        .isEmpty();
  }
}
