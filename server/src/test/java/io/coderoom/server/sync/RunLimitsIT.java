package io.coderoom.server.sync;

import static io.coderoom.server.sync.RoomConsoles.expect;
import static io.coderoom.server.sync.RoomConsoles.expectError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerWithAgent;
import io.coderoom.server.run.RunLimits;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A run's limits and how runs end, as every participant's console sees them: each refusal reaches
 * the one who asked with its code and sentence (over REST with its status) and starts nothing for
 * anyone; and a program that fails to compile, runs too long, runs out of memory or writes too much
 * ends for the interviewer, the candidate and the observer alike with that status and message,
 * which the stored run repeats.
 */
@ExtendWith(NettyLeakGuard.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class RunLimitsIT {
  private static final Duration RUN_WAIT = Duration.ofSeconds(90);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @RegisterExtension static final ServerWithAgent stack = new ServerWithAgent("run-limits-it");

  @Test
  void refusalsReachTheSenderWithTheirCodeAndStartNothing() throws Exception {
    TestRoom room = TestRoom.create(stack.baseUri(), "Refusals", "print('hi')\n");
    try (RoomConsoles consoles = RoomConsoles.open(room);
        YClient editor = room.code(room.interviewer());
        YClient reader = room.code(room.observer())) {
      editor.awaitSynced();
      reader.awaitSynced();
      ControlClient host = consoles.host();
      ControlClient guest = consoles.guest();
      ControlClient watcher = consoles.watcher();

      watcher.send("{\"type\":\"run\"}");
      expectError(watcher, "forbidden", "Observers cannot run code.");
      watcher.send("{\"type\":\"submit\"}");
      expectError(watcher, "forbidden", "Observers cannot run code.");
      assertRefusedOverRest(
          room, room.observer(), "{}", 403, "forbidden", "Observers cannot run code.");

      String noProblem = "The room has no problem to test against; an interviewer can choose one.";
      guest.send("{\"type\":\"submit\"}");
      expectError(guest, "no_problem", noProblem);
      assertRefusedOverRest(
          room, room.candidate(), "{\"mode\":\"test\"}", 409, "no_problem", noProblem);

      String tooMuchInput = "x".repeat(RoomRuns.MAX_STDIN_CHARS + 1);
      guest.send(JSON.writeValueAsString(Map.of("type", "run", "stdin", tooMuchInput)));
      expectError(guest, "stdin_too_large", "Input is limited to 64 KiB.");
      // Over REST the request's own validation refuses it first, as any field over its length.
      assertRefusedOverRest(
          room,
          room.candidate(),
          JSON.writeValueAsString(Map.of("stdin", tooMuchInput)),
          400,
          "invalid_field",
          "'stdin' must be at most 65536 characters.");

      String longCode = "# " + "y".repeat(RunLimits.MAX_CODE_BYTES) + "\nprint('hi')\n";
      replaceCode(editor, reader, longCode);
      guest.send("{\"type\":\"run\"}");
      expectError(guest, "code_too_large", RunLimits.CODE_TOO_LARGE);
      host.send("{\"type\":\"run\"}");
      expectError(host, "code_too_large", RunLimits.CODE_TOO_LARGE);
      assertRefusedOverRest(
          room, room.candidate(), "{}", 413, "code_too_large", RunLimits.CODE_TOO_LARGE);

      // While one run goes on, every other is refused, and the run goes on for everyone.
      replaceCode(editor, reader, "import time\ntime.sleep(3)\nprint('slept')\n");
      guest.send("{\"type\":\"run\",\"stdin\":\"" + "z".repeat(RoomRuns.MAX_STDIN_CHARS) + "\"}");
      for (ControlClient client : consoles.all()) {
        expect(client, "run_started");
      }
      String inProgress = "A run is in progress; wait for it to finish.";
      host.send("{\"type\":\"run\"}");
      expectError(host, "run_in_progress", inProgress);
      assertRefusedOverRest(room, room.interviewer(), "{}", 409, "run_in_progress", inProgress);
      for (ControlClient client : consoles.all()) {
        JsonNode finished = untilFinished(client);
        assertThat(finished.path("status").asText()).isEqualTo("ok");
      }

      // The marker: the next event of each console is the lock. No refusal started a run, and
      // none reached anyone but its sender.
      host.send("{\"type\":\"lock\"}");
      for (ControlClient client : consoles.all()) {
        assertThat(expect(client, "lock_changed").path("candidateLocked").asBoolean()).isTrue();
      }
      JsonNode runs =
          Http.json(
                  stack.get(
                      "/api/rooms/" + room.id() + "/runs",
                      "Authorization",
                      "Bearer " + room.interviewer().token()))
              .path("runs");
      assertThat(runs).hasSize(1);
      assertThat(runs.get(0).path("status").asText()).isEqualTo("ok");
    }
  }

  @Test
  void theEleventhRunOfAMinuteIsRateLimited() throws Exception {
    TestRoom room = TestRoom.create(stack.baseUri(), "Rate", "print('quick')\n");
    try (RoomConsoles consoles = RoomConsoles.open(room)) {
      ControlClient guest = consoles.guest();
      long firstStarted = System.nanoTime();
      for (int i = 0; i < RunRateLimit.RUNS_PER_MINUTE; i++) {
        guest.send("{\"type\":\"run\"}");
        for (ControlClient client : consoles.all()) {
          RoomConsoles.RunSeen seen = RoomConsoles.run(client, RUN_WAIT);
          assertThat(seen.finished().path("status").asText()).as("run %d", i).isEqualTo("ok");
          assertThat(seen.stream("stdout")).isEqualTo("quick\n");
        }
      }
      assertThat(System.nanoTime() - firstStarted)
          .as("ten runs within the minute the limit counts")
          .isLessThan(TimeUnit.SECONDS.toNanos(55));

      String limited = "Too many runs this minute; wait a little.";
      guest.send("{\"type\":\"run\"}");
      JsonNode refused = expect(guest, "error");
      assertThat(refused.path("code").asText()).isEqualTo("rate_limited");
      assertThat(refused.path("message").asText()).isEqualTo(limited);
      // Until the first of the ten runs is a minute old: it started after `firstStarted`.
      long sinceFirstMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - firstStarted);
      assertThat(refused.path("retryAfterMs").asLong(-1))
          .as(refused.toString())
          .isBetween(60_000 - sinceFirstMs, 60_000L);
      consoles.host().send("{\"type\":\"submit\"}");
      // A submit counts too, but the room has no problem: that refusal comes first.
      expectError(
          consoles.host(),
          "no_problem",
          "The room has no problem to test against; an interviewer can choose one.");
      consoles.host().send("{\"type\":\"run\"}");
      JsonNode later = expect(consoles.host(), "error");
      assertThat(later.path("code").asText()).isEqualTo("rate_limited");
      assertThat(later.path("retryAfterMs").asLong())
          .as("the wait shrinks as time passes")
          .isBetween(1L, refused.path("retryAfterMs").asLong());
      HttpResponse<String> overRest =
          assertRefusedOverRest(room, room.candidate(), "{}", 429, "rate_limited", limited);
      assertThat(Long.parseLong(overRest.headers().firstValue("Retry-After").orElseThrow()))
          .isBetween(1L, (later.path("retryAfterMs").asLong() + 999) / 1000);

      consoles.host().send("{\"type\":\"unlock\"}");
      for (ControlClient client : consoles.all()) {
        expect(client, "lock_changed");
      }
      JsonNode runs =
          Http.json(
                  stack.get(
                      "/api/rooms/" + room.id() + "/runs",
                      "Authorization",
                      "Bearer " + room.observer().token()))
              .path("runs");
      assertThat(runs).hasSize(RunRateLimit.RUNS_PER_MINUTE);
    }
  }

  /** A program's outcome, as every console and the stored run must show it. */
  private record Outcome(
      String language, String code, String status, String message, String stream, String shows) {}

  @Test
  void everyWayARunEndsReachesEveryConsoleWithItsStatusAndMessage() throws Exception {
    List<Outcome> outcomes =
        List.of(
            new Outcome(
                "python",
                "import sys\nprint('before', flush=True)\nsys.exit(3)\n",
                "runtime_error",
                "The program exited with status 3.",
                "stdout",
                "before"),
            new Outcome(
                "cpp",
                "int main() { return undefined_name; }\n",
                "compile_error",
                "Compilation failed.",
                "compile",
                "undefined_name"),
            new Outcome(
                "python",
                "print('spinning', flush=True)\nwhile True:\n    pass\n",
                "timeout",
                "The program ran longer than 5000 ms and was stopped.",
                "stdout",
                "spinning"),
            new Outcome(
                "python",
                // 64 MiB blocks, each written by one C loop: the limit is reached in a few
                // steps, before reclaim slows the interpreter past the time limit.
                "print('eating', flush=True)\nheld = []\nwhile True:\n"
                    + "    held.append(b'x' * (64 << 20))\n",
                "oom",
                "The program ran out of memory (256 MB) and was stopped.",
                "stdout",
                "eating"),
            new Outcome(
                "python",
                "while True:\n    print('y' * 1000)\n",
                "output_limit",
                "The program wrote more than 64 KB of output and was stopped.",
                "stdout",
                "yyyy"));
    TestRoom room = TestRoom.create(stack.baseUri(), "Outcomes", "");
    try (RoomConsoles consoles = RoomConsoles.open(room);
        YClient editor = room.code(room.interviewer());
        YClient reader = room.code(room.observer())) {
      editor.awaitSynced();
      reader.awaitSynced();
      String language = "python";
      for (Outcome outcome : outcomes) {
        if (!outcome.language().equals(language)) {
          language = outcome.language();
          consoles.host().send("{\"type\":\"set_language\",\"language\":\"" + language + "\"}");
          for (ControlClient client : consoles.all()) {
            assertThat(expect(client, "language_changed").path("language").asText())
                .isEqualTo(language);
          }
        }
        replaceCode(editor, reader, outcome.code());
        consoles.guest().send("{\"type\":\"run\"}");
        String runId = null;
        for (ControlClient client : consoles.all()) {
          RoomConsoles.RunSeen seen = RoomConsoles.run(client, RUN_WAIT);
          JsonNode finished = seen.finished();
          assertThat(finished.path("status").asText())
              .as(finished.toString())
              .isEqualTo(outcome.status());
          assertThat(finished.path("message").asText()).isEqualTo(outcome.message());
          assertThat(seen.stream(outcome.stream())).as(outcome.status()).contains(outcome.shows());
          assertThat(seen.started().path("language").asText()).isEqualTo(language);
          runId = runId == null ? seen.runId() : runId;
          assertThat(seen.runId()).isEqualTo(runId);
          switch (outcome.status()) {
            case "runtime_error" -> assertThat(finished.path("exitCode").asInt()).isEqualTo(3);
            case "compile_error" -> {
              assertThat(finished.path("exitCode").asInt()).isNotZero();
              assertThat(finished.path("runMs").asLong()).isZero();
            }
            case "output_limit" -> {
              assertThat(finished.path("stdoutTruncated").asBoolean()).isTrue();
              assertThat(seen.stream("stdout").length()).isLessThanOrEqualTo(64 * 1024);
            }
            default -> {}
          }
        }
        JsonNode stored =
            Http.json(
                stack.get(
                    "/api/rooms/" + room.id() + "/runs/" + runId,
                    "Authorization",
                    "Bearer " + room.candidate().token()));
        assertThat(stored.path("status").asText()).isEqualTo(outcome.status());
        assertThat(stored.path("message").asText()).isEqualTo(outcome.message());
        assertThat(stored.path("language").asText()).isEqualTo(language);
        String storedStream =
            switch (outcome.stream()) {
              case "compile" -> "compileOutput";
              default -> outcome.stream();
            };
        assertThat(stored.path(storedStream).asText()).contains(outcome.shows());
      }
    }
  }

  /** Replaces the room's code and waits until another client has the new text. */
  private static void replaceCode(YClient editor, YClient reader, String code) {
    editor.delete(0, editor.text().length());
    editor.insert(0, code);
    await().atMost(Duration.ofSeconds(30)).until(() -> reader.text().equals(code));
  }

  /** Every event up to the run's end must belong to the run. */
  private static JsonNode untilFinished(ControlClient client) throws InterruptedException {
    while (true) {
      JsonNode next = client.next(RUN_WAIT);
      switch (next.path("type").asText()) {
        case "run_output" -> {}
        case "run_finished" -> {
          return next;
        }
        default -> throw new AssertionError("unexpected event during a run: " + next);
      }
    }
  }

  private static HttpResponse<String> assertRefusedOverRest(
      TestRoom room, TestRoom.Link link, String body, int status, String code, String message)
      throws Exception {
    HttpResponse<String> refused =
        stack.post(
            "/api/rooms/" + room.id() + "/runs", body, "Authorization", "Bearer " + link.token());
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(status);
    JsonNode error = Http.json(refused);
    assertThat(error.path("error").asText()).isEqualTo(code);
    assertThat(error.path("message").asText()).isEqualTo(message);
    return refused;
  }
}
