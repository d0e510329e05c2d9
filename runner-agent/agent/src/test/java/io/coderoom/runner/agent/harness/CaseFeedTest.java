package io.coderoom.runner.agent.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.runner.agent.sandbox.Conversation;
import io.coderoom.runner.protocol.CaseDeadlines;
import io.coderoom.runner.protocol.Json;
import io.coderoom.runner.protocol.RunEvent;
import io.coderoom.runner.protocol.TestReport;
import io.coderoom.runner.protocol.TestReport.CaseStatus;
import io.coderoom.runner.protocol.TestSuite;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseFeedTest {
  private static final String NONCE = "0123456789abcdef0123456789abcdef";

  /** A public case, a hidden one between, another public one, and a hidden one last. */
  private static TestSuite suite() {
    return Json.read(
        """
        {"function": "f", "params": [{"name": "s", "type": "string"}], "returns": "string",
         "cases": [{"input": ["p0"], "expected": "P0", "hidden": false},
                   {"input": ["h1 secret"], "expected": "H1", "hidden": true},
                   {"input": ["p2"], "expected": "P2", "hidden": false},
                   {"input": ["h3 secret"], "expected": "H3", "hidden": true}]}
        """,
        TestSuite.class);
  }

  private static String record(int i, String payload) {
    return record(NONCE, i, payload);
  }

  private static String record(String nonce, int i, String payload) {
    return "\n" + RecordSplitter.RS + nonce + ":" + i + ":ok:1.250:" + payload + "\n";
  }

  /** The program's stdin as the feed drives it: every line written, and where it sealed. */
  private static final class Stdin implements Conversation.Input {
    final List<String> events = new ArrayList<>();
    final List<Long> deadlines = new ArrayList<>();

    @Override
    public void write(String text) {
      events.add(text);
    }

    @Override
    public void deadline(long ms) {
      deadlines.add(ms);
    }

    @Override
    public void seal() {
      events.add("SEAL");
    }

    @Override
    public void overflow() {
      events.add("OVERFLOW");
    }
  }

  private final List<String> room = new ArrayList<>();
  private final Stdin stdin = new Stdin();
  private final CaseFeed feed =
      new CaseFeed(suite(), NONCE, (stream, text) -> room.add(stream + ":" + text), 64 * 1024);

  private String roomSaw(RunEvent.OutputStream stream) {
    return String.join(
        "",
        room.stream()
            .filter(s -> s.startsWith(stream + ":"))
            .map(s -> s.substring(stream.toString().length() + 1))
            .toList());
  }

  @Test
  void sendsOneCaseAfterAnotherPublicFirstAndSealsBeforeTheFirstHiddenInput() {
    feed.started(stdin);
    assertThat(stdin.events).containsExactly("[0,[\"p0\"]]\n");
    feed.output(RunEvent.OutputStream.STDOUT, record(0, "\"P0\""));
    assertThat(stdin.events).last().isEqualTo("[2,[\"p2\"]]\n");
    // A record for a case not asked yet sends nothing.
    feed.output(RunEvent.OutputStream.STDOUT, record(1, "\"H1\""));
    assertThat(stdin.events).hasSize(2);
    feed.output(RunEvent.OutputStream.STDOUT, record(2, "\"P2\""));
    assertThat(stdin.events)
        .containsExactly("[0,[\"p0\"]]\n", "[2,[\"p2\"]]\n", "SEAL", "[1,[\"h1 secret\"]]\n");
    feed.output(RunEvent.OutputStream.STDOUT, record(1, "\"H1\""));
    feed.output(RunEvent.OutputStream.STDOUT, record(3, "\"H3\""));
    assertThat(stdin.events).last().isEqualTo("\n");
    assertThat(stdin.events).hasSize(6);
    // The early record for case 1 makes it a case reported twice.
    TestReport report = feed.report(false);
    assertThat(report.cases())
        .extracting(TestReport.CaseResult::status)
        .containsExactly(CaseStatus.PASSED, CaseStatus.ERROR, CaseStatus.PASSED, CaseStatus.PASSED);
  }

  @Test
  void whatFollowsTheSealIsWithheldFromTheRoom() {
    feed.started(stdin);
    feed.output(RunEvent.OutputStream.STDOUT, "load\n" + record(0, "\"P0\"") + "after 0\n");
    feed.output(RunEvent.OutputStream.STDERR, "warning 0\n");
    feed.output(RunEvent.OutputStream.STDOUT, "print 2\n" + record(2, "\"P2\"") + "h1 secret\n");
    feed.output(RunEvent.OutputStream.STDERR, "h1 secret on stderr\n");
    feed.output(
        RunEvent.OutputStream.STDOUT, record(1, "\"x\"") + "h3 secret" + record(3, "\"x\""));
    feed.output(RunEvent.OutputStream.STDOUT, "at exit h3 secret");
    feed.flush();
    assertThat(feed.sealed()).isTrue();
    assertThat(roomSaw(RunEvent.OutputStream.STDOUT))
        .isEqualTo("load\nafter 0\nprint 2\n" + CaseFeed.WITHHELD)
        .isEqualTo(feed.shown(RunEvent.OutputStream.STDOUT));
    assertThat(roomSaw(RunEvent.OutputStream.STDERR))
        .isEqualTo("warning 0\n")
        .isEqualTo(feed.shown(RunEvent.OutputStream.STDERR));
    assertThat(String.join("", room)).doesNotContain("secret");
    // (A newline might begin a record, so it waits for what follows; stderr does not wait.)
    assertThat(feed.withheld())
        .isEqualTo("h1 secreth1 secret on stderr\n\nh3 secretat exit h3 secret");
  }

  @Test
  void theSealIsNotedEvenWhenTheHiddenCasesPrintNothing() {
    feed.started(stdin);
    feed.output(RunEvent.OutputStream.STDOUT, record(0, "\"P0\"") + record(2, "\"P2\""));
    assertThat(roomSaw(RunEvent.OutputStream.STDOUT)).isEqualTo(CaseFeed.WITHHELD);
    feed.output(RunEvent.OutputStream.STDOUT, record(1, "\"H1\"") + record(3, "\"H3\""));
    feed.flush();
    assertThat(roomSaw(RunEvent.OutputStream.STDOUT)).isEqualTo(CaseFeed.WITHHELD);
    assertThat(feed.withheld()).isEmpty();
    assertThat(feed.report(false).passed()).isEqualTo(4);
  }

  @Test
  void recordsForPublicCasesAfterTheSealAreIgnored() {
    feed.started(stdin);
    feed.output(RunEvent.OutputStream.STDOUT, record(0, "\"P0\"") + record(2, "\"P2\""));
    // Code that found the nonce tries to carry a hidden input out as a public case's result.
    feed.output(RunEvent.OutputStream.STDOUT, record(0, "\"h1 secret\"") + record(2, "7"));
    TestReport report = feed.report(false);
    assertThat(report.cases().get(0).status()).isEqualTo(CaseStatus.PASSED);
    assertThat(report.cases().get(0).actual()).isEqualTo("\"P0\"");
    assertThat(report.cases().get(2).status()).isEqualTo(CaseStatus.PASSED);
    assertThat(report.toJson()).doesNotContain("secret");
  }

  @Test
  void forgedAndMalformedRecordsAreNotResultsAndRecordsSplitAcrossChunksAre() {
    feed.started(stdin);
    String all =
        "a\nb"
            + record("ffffffffffffffffffffffffffffffff", 0, "\"P0\"")
            + "\n"
            + RecordSplitter.RS
            + NONCE
            + ":0:maybe:1:\"P0\"\n"
            + "c"
            + record(0, "\"P0\"")
            + "d";
    for (int i = 0; i < all.length(); i += 3) {
      feed.output(RunEvent.OutputStream.STDOUT, all.substring(i, Math.min(all.length(), i + 3)));
    }
    feed.flush();
    // The record with another nonce is the candidate's printing; the malformed one is dropped.
    assertThat(roomSaw(RunEvent.OutputStream.STDOUT))
        .isEqualTo("a\nb" + record("ffffffffffffffffffffffffffffffff", 0, "\"P0\"") + "cd");
    assertThat(feed.report(false).cases().get(0).status()).isEqualTo(CaseStatus.PASSED);
    assertThat(stdin.events).containsExactly("[0,[\"p0\"]]\n", "[2,[\"p2\"]]\n");
  }

  @Test
  void withoutHiddenCasesNothingIsSealedAndTheLastRecordEndsTheInput() {
    TestSuite publicOnly =
        new TestSuite(
            "f",
            suite().params(),
            "string",
            suite().cases().stream().filter(c -> !c.hidden()).toList());
    CaseFeed plain = new CaseFeed(publicOnly, NONCE, (stream, text) -> room.add(text), 64 * 1024);
    plain.started(stdin);
    plain.output(RunEvent.OutputStream.STDOUT, record(0, "\"P0\"") + "bye\n");
    plain.output(RunEvent.OutputStream.STDOUT, record(1, "\"P2\"") + "bye\n");
    plain.flush();
    assertThat(stdin.events).containsExactly("[0,[\"p0\"]]\n", "[1,[\"p2\"]]\n", "\n");
    assertThat(plain.sealed()).isFalse();
    assertThat(String.join("", room)).isEqualTo("bye\nbye\n");
  }

  @Test
  void aSuiteOfHiddenCasesOnlyIsSealedBeforeTheProgramStarts() {
    TestSuite hiddenOnly =
        new TestSuite(
            "f",
            suite().params(),
            "string",
            suite().cases().stream().filter(c -> c.hidden()).toList());
    CaseFeed secret = new CaseFeed(hiddenOnly, NONCE, (stream, text) -> room.add(text), 64 * 1024);
    secret.started(stdin);
    assertThat(stdin.events).containsExactly("SEAL", "[0,[\"h1 secret\"]]\n");
    secret.output(RunEvent.OutputStream.STDOUT, "loading\n");
    assertThat(String.join("", room)).isEqualTo(CaseFeed.WITHHELD);
  }

  @Test
  void eachCaseGetsADeadlineOfItsLimitAndTheFirstAlsoTheProgramsStartup() {
    feed.started(stdin);
    feed.output(RunEvent.OutputStream.STDOUT, record(0, "\"P0\""));
    long limit = TestSuite.DEFAULT_CASE_TIME_LIMIT_MS + CaseDeadlines.ANSWER_GRACE_MS;
    assertThat(stdin.deadlines).containsExactly(limit + CaseDeadlines.STARTUP_ALLOWANCE_MS, limit);
    // Answered in time: nothing is late, whenever the sandbox asks.
    assertThat(feed.overdue()).isFalse();
  }

  @Test
  void aCaseThatNeverAnswersIsTimeLimitedAndTheCasesAfterItAreNotRun() {
    TestSuite quick =
        Json.read(
            """
            {"function": "f", "params": [{"name": "s", "type": "string"}], "returns": "string",
             "cases": [{"input": ["a"], "expected": "A", "hidden": false, "timeLimitMs": 1},
                       {"input": ["b"], "expected": "B", "hidden": false, "timeLimitMs": 1}]}
            """,
            TestSuite.class);
    CaseFeed slow = new CaseFeed(quick, NONCE, (stream, text) -> room.add(text), 64 * 1024);
    slow.started(stdin);
    // The sandbox asks once the deadline passed; the first case's deadline includes the startup.
    assertThat(slow.overdue()).isFalse();
    long deadline = stdin.deadlines.get(0);
    java.util.concurrent.locks.LockSupport.parkNanos((deadline + 50) * 1_000_000);
    assertThat(slow.overdue()).isTrue();
    assertThat(slow.overrunCase()).contains(0);
    TestReport report = slow.report(true);
    assertThat(report.cases().get(0).status()).isEqualTo(CaseStatus.TIME_LIMIT);
    assertThat(report.cases().get(0).timeMs()).isGreaterThanOrEqualTo((double) deadline);
    assertThat(report.cases().get(0).error()).contains("time limit of 1 ms");
    assertThat(report.cases().get(1).status()).isEqualTo(CaseStatus.ERROR);
    assertThat(report.cases().get(1).error()).contains("earlier case went over its time limit");
  }

  @Test
  void generatedInputsAreExpandedOnTheirWayToTheProgram() {
    TestSuite big =
        Json.read(
            """
            {"function": "f", "params": [{"name": "a", "type": "int[]"}], "returns": "int",
             "cases": [{"input": [{"$concat": [{"$range": [0, 4, 3]}, [7]]}], "expected": 7,
                        "hidden": true}]}
            """,
            TestSuite.class);
    CaseFeed generated = new CaseFeed(big, NONCE, (stream, text) -> room.add(text), 64 * 1024);
    generated.started(stdin);
    assertThat(stdin.events).containsExactly("SEAL", "[0,[[0,3,6,9,7]]]\n");
  }

  @Test
  void answersDoNotCountToTheOutputCapButTheProgramsOwnTextDoes() {
    TestSuite publicOnly = suite().publicOnly();
    CaseFeed capped = new CaseFeed(publicOnly, NONCE, (stream, text) -> room.add(text), 10);
    capped.started(stdin);
    // A large answer is a record: it passes, whatever its size.
    String big = "\"" + "x".repeat(5_000) + "\"";
    capped.output(RunEvent.OutputStream.STDOUT, record(0, big));
    assertThat(capped.overflowed()).isFalse();
    assertThat(capped.stepOutputBytes()).as("room for the answers").isGreaterThan(10);
    // The program's own text counts: nine bytes fit, then "é" (two bytes) crosses the cap.
    capped.output(RunEvent.OutputStream.STDOUT, "123456789é and more");
    assertThat(stdin.events).containsOnlyOnce("OVERFLOW");
    assertThat(capped.overflowed()).isTrue();
    assertThat(String.join("", room)).isEqualTo("123456789");
    capped.output(RunEvent.OutputStream.STDERR, "later");
    assertThat(String.join("", room)).isEqualTo("123456789");
    assertThat(stdin.events).containsOnlyOnce("OVERFLOW");
  }
}
