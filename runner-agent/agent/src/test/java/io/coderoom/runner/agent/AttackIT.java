package io.coderoom.runner.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.coderoom.runner.agent.harness.CaseFeed;
import io.coderoom.runner.agent.sandbox.DockerClients;
import io.coderoom.runner.agent.sandbox.SandboxUser;
import io.coderoom.runner.protocol.HiddenPhase;
import io.coderoom.runner.protocol.RunEvent;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.RunStatus;
import io.coderoom.runner.protocol.TestReport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile programs in Python and C++, and those that try the sandbox's limits (processes, memory,
 * time, output, disk) in every language, all queued at once with benign runs between them, through
 * one agent with three slots: each is contained with the right status, the benign runs succeed, and
 * no container outlives its run. In every language, programs also try every way to get a
 * submission's hidden tests out to the candidate ({@link Programs#leak}); none gets anything out
 * but the counts.
 */
class AttackIT {
  private static final long TIME_LIMIT_MS = 2_000;

  /**
   * Attacks that must reach another limit of the sandbox (processes, memory, output, disk) before
   * the time limit, given more time: on a loaded machine starting a runtime and a hundred
   * processes, or filling the memory, can take more than two seconds, and a run stopped by the
   * clock first would prove nothing of the limit it was meant to reach.
   */
  private static final Map<String, Long> SLOW_ATTACK_TIME_LIMIT_MS =
      Map.of("fork_bomb", 6_000L, "memory_bomb", 15_000L, "flood", 15_000L, "disk_fill", 15_000L);

  private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(180);
  private static final String AGENT_ID = "attack-" + ProcessHandle.current().pid();
  private static final List<String> ATTACKS =
      List.of(
          "fork_bomb",
          "thread_bomb",
          "memory_bomb",
          "infinite_loop",
          "sigterm_trap",
          "daemon",
          "flood",
          "garbage",
          "disk_fill:/tmp",
          "disk_fill:/dev/shm",
          "escape",
          "env");

  /** What the sandbox limits, tried in every language (src/test/resources/attacks). */
  private static final Set<String> IN_EVERY_LANGUAGE =
      Set.of("fork_bomb", "memory_bomb", "infinite_loop", "flood", "disk_fill");

  private static final List<String> BOTH = List.of("python", "cpp");

  /**
   * Node.js is left out of the fork attack: on a loaded machine its hundred-odd synchronous spawns
   * sometimes outlast even the longer time limit, so the refusal it must report is not reached.
   */
  static final List<String> FORK_LANGUAGES = List.of("python", "java", "cpp", "go", "csharp");

  private static final Map<String, String> EXTENSIONS =
      Map.of(
          "python", "py",
          "javascript", "js",
          "typescript", "ts",
          "java", "java",
          "cpp", "cpp",
          "go", "go",
          "csharp", "cs");

  /** The leak programs' limits: room for their 400 MB in the hidden phase, and time to spare. */
  private static final long LEAK_TIME_LIMIT_MS = 15_000;

  private static final long LEAK_MEMORY_MB = 1024;

  static final List<String> languages = Programs.LANGUAGES;

  private static final Map<String, String> runs = new LinkedHashMap<>();
  private static final Map<String, String> leaks = new LinkedHashMap<>();
  private static final List<String> benign = new ArrayList<>();
  private static RedisFixture fixture;
  private static RunnerAgent agent;
  private static DockerClient docker;

  @BeforeAll
  static void launchEverything() {
    fixture = new RedisFixture();
    docker = DockerClients.create("unix:///var/run/docker.sock");
    agent = RunnerAgent.start(AgentConfig.of(RedisFixture.REDIS_URL, AGENT_ID, "test-host", 3));
    // The leak programs first: their compilers are not to wait for the attacks.
    for (String language : Programs.LANGUAGES) {
      String runId = RedisFixture.newRunId("leak-" + language);
      fixture.submit(
          RunJob.test(runId, language, Programs.leak(language), HiddenTests.suite())
              .withLimits(LEAK_TIME_LIMIT_MS, LEAK_MEMORY_MB));
      leaks.put(language, runId);
    }
    String include = RedisFixture.newRunId("include");
    fixture.submit(RunJob.test(include, "cpp", Programs.includesTests(), HiddenTests.suite()));
    leaks.put("include", include);
    int n = 0;
    for (String attack : ATTACKS) {
      String[] parts = attack.split(":");
      for (String language : languagesOf(parts[0])) {
        String file = parts[0] + "." + EXTENSIONS.get(language);
        String stdin = parts.length > 1 ? parts[1] + "\n" : "";
        String runId = RedisFixture.newRunId(parts[0] + "-" + language);
        fixture.submit(
            RunJob.run(runId, language, Programs.read("../attacks/" + file), stdin)
                .withLimits(timeLimitMs(parts[0]), RunJob.DEFAULT_MEMORY_LIMIT_MB));
        runs.put(attack + "/" + language, runId);
        if (++n % 6 == 0) {
          submitBenign();
        }
      }
    }
    String forge = RedisFixture.newRunId("forge");
    fixture.submit(
        RunJob.test(forge, "python", Programs.read("../attacks/forge.py"), Programs.twoSumSuite()));
    runs.put("forge/python", forge);
    submitBenign();
    submitBenign();
  }

  private static List<String> languagesOf(String attack) {
    if (attack.equals("fork_bomb")) {
      return FORK_LANGUAGES;
    }
    return IN_EVERY_LANGUAGE.contains(attack) ? languages : BOTH;
  }

  private static long timeLimitMs(String attack) {
    return SLOW_ATTACK_TIME_LIMIT_MS.getOrDefault(attack, TIME_LIMIT_MS);
  }

  private static void submitBenign() {
    String runId = RedisFixture.newRunId("benign");
    fixture.submit(RunJob.run(runId, "python", "print(sum(range(10)))\n", ""));
    benign.add(runId);
  }

  @AfterAll
  static void stop() throws Exception {
    agent.close();
    // Warm containers go with the agent; every run's container went with its run.
    assertThat(agentContainers()).isEmpty();
    docker.close();
    fixture.close();
  }

  private static List<String> agentContainers() {
    return docker
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of("io.coderoom.runner.agent", AGENT_ID))
        .exec()
        .stream()
        .map(c -> c.getId() + " " + c.getCommand())
        .toList();
  }

  private static RunResult result(String attack, String language) {
    return fixture.awaitResult(runs.get(attack + "/" + language), RESULT_TIMEOUT);
  }

  /**
   * In Python and C++ every process forks for ever, ignoring refusals; in the other languages the
   * program starts children until one is refused, says how many it got and holds them. Either way
   * the pids limit holds and only the time limit ends the run.
   */
  @ParameterizedTest
  @FieldSource("FORK_LANGUAGES")
  void forkBombTimesOut(String language) {
    RunResult r = result("fork_bomb", language);
    assertThat(r.status()).as(r.message() + r.stderr()).isEqualTo(RunStatus.TIMEOUT);
    assertThat(r.runMs()).isLessThan(timeLimitMs("fork_bomb") + 5_000);
    if (!BOTH.contains(language)) {
      Matcher refused = Pattern.compile("refused after (\\d+) children\n").matcher(r.stdout());
      assertThat(refused.matches()).as(r.stdout() + r.stderr()).isTrue();
      assertThat(Long.parseLong(refused.group(1)))
          .isBetween(1L, agent.sandbox().settings().pidsLimit() - 1);
    }
  }

  /**
   * The pids limit refuses a thread. C++ dies of the uncaught error at once; Python's main thread
   * dies of it too, but the interpreter then waits for its sleeping threads until the time limit.
   */
  @ParameterizedTest
  @CsvSource({"python, TIMEOUT, can't start new thread", "cpp, RUNTIME_ERROR, system_error"})
  void threadBombIsStoppedByThePidsLimit(String language, RunStatus status, String error) {
    RunResult r = result("thread_bomb", language);
    assertThat(r.status()).as(r.message() + r.stderr()).isEqualTo(status);
    assertThat(r.stderr()).contains(error);
    assertThat(r.runMs()).isLessThan(TIME_LIMIT_MS + 5_000);
  }

  @ParameterizedTest
  @FieldSource("languages")
  void memoryBombIsOom(String language) {
    RunResult r = result("memory_bomb", language);
    assertThat(r.status()).as(r.message() + r.stderr()).isEqualTo(RunStatus.OOM);
    assertThat(r.message()).contains("ran out of memory");
  }

  @ParameterizedTest
  @FieldSource("languages")
  void infiniteLoopTimesOut(String language) {
    RunResult r = result("infinite_loop", language);
    assertThat(r.status()).as(r.message() + r.stderr()).isEqualTo(RunStatus.TIMEOUT);
    assertThat(r.runMs()).isBetween(TIME_LIMIT_MS, TIME_LIMIT_MS + 5_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"python", "cpp"})
  void trappedSigtermDoesNotOutliveTheTimeout(String language) {
    RunResult r = result("sigterm_trap", language);
    assertThat(r.status()).isEqualTo(RunStatus.TIMEOUT);
    assertThat(r.stdout()).isEqualTo("sleeping\n");
    assertThat(r.runMs()).isLessThan(TIME_LIMIT_MS + 5_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"python", "cpp"})
  void daemonizedChildDoesNotHoldTheRun(String language) {
    RunResult r = result("daemon", language);
    assertThat(r.status()).isEqualTo(RunStatus.OK);
    assertThat(r.stdout()).isEqualTo("main done\n");
  }

  @ParameterizedTest
  @FieldSource("languages")
  void hundredMegabytesOfStdoutHitTheOutputLimit(String language) {
    RunResult r = result("flood", language);
    assertThat(r.status()).as(r.message() + r.stderr()).isEqualTo(RunStatus.OUTPUT_LIMIT);
    assertThat(r.stdoutTruncated()).isTrue();
    assertThat(r.stdout().length()).isEqualTo(agent.sandbox().settings().outputLimitBytes());
  }

  @ParameterizedTest
  @ValueSource(strings = {"python", "cpp"})
  void bytesThatAreNotTextArriveAsSafeVisibleTextWithinTheCap(String language) {
    RunResult r = result("garbage", language);
    assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.OUTPUT_LIMIT);
    assertThat(r.stdoutTruncated()).isTrue();
    String streamed =
        fixture.streamed(runs.get("garbage/" + language), RunEvent.OutputStream.STDOUT);
    for (String text : List.of(r.stdout(), streamed)) {
      assertThat(text)
          .startsWith("nul:\u2400\u2400|bad:\uFFFD")
          .containsPattern("\\|bad:\uFFFD+\\|split:")
          // The character split between two writes is whole, not two replacement characters.
          .contains("|split:\u20ac|")
          .contains("|ansi:\u241b[31mred\u241b[0m|bell:\u2407|del:\u2421|c1:\uFFFD|\nyyyy");
      assertSafeText(text);
      assertThat((long) text.getBytes(StandardCharsets.UTF_8).length)
          .isLessThanOrEqualTo(agent.sandbox().settings().outputLimitBytes());
    }
    assertThat(streamed).isEqualTo(r.stdout());
  }

  /** Only text PostgreSQL, JSON and a console take as it is, and nothing invisible. */
  private static void assertSafeText(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      assertThat(Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')
          .as("control character U+%04X at %d", (int) c, i)
          .isFalse();
      assertThat(Character.isSurrogate(c)).as("surrogate at %d", i).isFalse();
    }
  }

  @ParameterizedTest
  @FieldSource("languages")
  void fillingTmpAndShmFails(String language) {
    for (String attack : List.of("disk_fill:/tmp", "disk_fill:/dev/shm")) {
      RunResult r = result(attack, language);
      assertThat(r.status()).as(attack + ": " + r.message()).isEqualTo(RunStatus.RUNTIME_ERROR);
      // The write that did not fit failed, not a limit of the sandbox.
      assertThat(r.message()).doesNotContain("ran out of memory", "longer than");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"python", "cpp"})
  void writesNetworkHostFilesAndTracingAreDenied(String language) {
    RunResult r = result("escape", language);
    assertThat(r.status()).as(r.stderr()).isEqualTo(RunStatus.OK);
    assertThat(r.stdout())
        .doesNotContain("WRITTEN", "CONNECTED", "READ ", "ALLOWED")
        .contains("denied write /code/", "denied write /etc/passwd")
        .contains("blocked connect 127.0.0.1 6379", "blocked connect 169.254.169.254 80")
        .contains("blocked connect 172.17.0.1 2375")
        .contains("denied read /etc/shadow")
        // The engine's socket is not mounted: not there to connect to, whatever its path.
        .doesNotContain("present ")
        .contains("absent /var/run/docker.sock", "connect /var/run/docker.sock ENOENT")
        .contains("absent /run/docker.sock", "connect /run/docker.sock ENOENT")
        .contains("ptrace attach denied", "process_vm_readv denied", "unshare denied")
        .contains("io_uring_setup denied", "netlink socket denied")
        .contains("uid " + SandboxUser.DEFAULT_UID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"python", "cpp"})
  void environmentHoldsNoSecrets(String language) {
    RunResult r = result("env", language);
    assertThat(r.status()).isEqualTo(RunStatus.OK);
    Set<String> allowed =
        Set.of(
            "PATH",
            "HOME",
            "HOSTNAME",
            "LANG",
            "PWD",
            "SHLVL",
            "_",
            "PYTHONDONTWRITEBYTECODE",
            "PYTHONUNBUFFERED");
    assertThat(Arrays.asList(r.stdout().strip().split("\n"))).isSubsetOf(allowed);
  }

  @Test
  void forgedHarnessFramingIsIgnored() {
    RunResult r = fixture.awaitResult(runs.get("forge/python"), RESULT_TIMEOUT);
    assertThat(r.status()).isEqualTo(RunStatus.OK);
    assertThat(r.stdout()).contains("nonce files found: 0");
    TestReport report = r.tests().orElseThrow();
    assertThat(report.passed()).isZero();
    assertThat(report.cases())
        .allSatisfy(c -> assertThat(c.status()).isEqualTo(TestReport.CaseStatus.FAILED));
    assertThat(report.cases().get(0).actual()).isEqualTo("[9,9]");
  }

  @Test
  void benignRunsSucceedDuringTheAttacks() {
    for (String runId : benign) {
      RunResult r = fixture.awaitResult(runId, RESULT_TIMEOUT);
      assertThat(r.status()).as(r.message() + r.stderr()).isEqualTo(RunStatus.OK);
      assertThat(r.stdout()).isEqualTo("45\n");
    }
    // The agent is still alive and announcing itself.
    assertThat(fixture.heartbeat(AGENT_ID)).containsEntry("slots", "3");
  }

  private static RunResult leak(String language) {
    return fixture.awaitResult(leaks.get(language), RESULT_TIMEOUT);
  }

  /**
   * Fails if a hidden input or an expected value shows in what a candidate may see of the run: the
   * result without the hidden cases and the hidden phase, and every event streamed to the room.
   */
  private static void assertNothingHiddenShows(String language, RunResult r) {
    String seen =
        HiddenTests.candidateView(r) + HiddenTests.streamed(fixture.events(leaks.get(language)));
    for (String marker : HiddenTests.MARKERS) {
      assertThat(seen).as("%s shows %s in: %s", language, marker, seen).doesNotContain(marker);
    }
  }

  private static String hiddenOutput(RunResult r) {
    return r.tests().orElseThrow().hiddenPhase().orElseThrow().output();
  }

  @ParameterizedTest
  @FieldSource("languages")
  void codeTmpAndProcHoldNoTestDataWhenTheCodeLoads(String language) {
    RunResult r = leak(language);
    assertNothingHiddenShows(language, r);
    assertThat(r.stdout()).as("%s: %s", language, r).contains("load dump /code/", "/proc/1: ");
  }

  @ParameterizedTest
  @FieldSource("languages")
  void aPublicCasesValueCarriesNoTestData(String language) {
    RunResult r = leak(language);
    TestReport.CaseResult first = r.tests().orElseThrow().cases().getFirst();
    assertThat(first.actual()).as(language).contains("case0 returns /code/", "seen the sky");
    assertNothingHiddenShows(language, r);
  }

  @ParameterizedTest
  @FieldSource("languages")
  void errorsCarryHiddenInputsOnlyToInterviewers(String language) {
    RunResult r = leak(language);
    List<TestReport.CaseResult> cases = r.tests().orElseThrow().cases();
    assertThat(cases.get(1).error()).as(language).contains("case1 throws /code/");
    // The hidden case's error does carry its input; only interviewers get hidden cases.
    assertThat(cases.get(2).hidden()).isTrue();
    assertThat(cases.get(2).error()).contains("hidden throws " + HiddenTests.FIRST_HIDDEN);
    assertNothingHiddenShows(language, r);
  }

  @Test
  void theCompilerFindsNoTestFileToQuote() {
    RunResult r = fixture.awaitResult(leaks.get("include"), RESULT_TIMEOUT);
    assertNothingHiddenShows("include", r);
    assertThat(r.status()).isEqualTo(RunStatus.COMPILE_ERROR);
    assertThat(r.compileOutput()).contains("/code/tests.json", "No such file or directory");
    // The leak program includes it when it exists, and compiles.
    assertThat(leak("cpp").status()).isEqualTo(RunStatus.OK);
  }

  @ParameterizedTest
  @FieldSource("languages")
  void threadsAndChildProcessesPrintHiddenInputsOnlyForInterviewers(String language) {
    RunResult r = leak(language);
    assertThat(hiddenOutput(r))
        .as(language)
        .containsPattern("thread saw [34]: the sky is blue \\|.*\\| " + HiddenTests.FIRST_HIDDEN)
        .contains("hidden prints " + HiddenTests.FIRST_HIDDEN)
        .contains("child carries " + HiddenTests.FIRST_HIDDEN)
        .contains("hidden exits " + HiddenTests.SECOND_HIDDEN);
    assertThat(r.stdout()).contains("load dump ").endsWith(CaseFeed.WITHHELD);
    assertNothingHiddenShows(language, r);
  }

  @ParameterizedTest
  @FieldSource("languages")
  void exitCodeTimeAndMemoryOfTheHiddenCasesReachOnlyInterviewers(String language) {
    RunResult r = leak(language);
    HiddenPhase hidden = r.tests().orElseThrow().hiddenPhase().orElseThrow();
    assertThat(hidden.status()).as("%s: %s", language, hidden).isEqualTo(RunStatus.RUNTIME_ERROR);
    assertThat(hidden.exitCode()).isEqualTo(42);
    assertThat(hidden.memoryBytes()).isGreaterThanOrEqualTo(400_000_000L);
    // What everyone sees is the run as it was when the public cases were done.
    assertThat(r.status()).isEqualTo(RunStatus.OK);
    assertThat(r.exitCode()).isZero();
    assertThat(r.message()).isEmpty();
    assertThat(r.runMs()).isLessThanOrEqualTo(hidden.runMs() - 1_500);
    assertThat(r.memoryBytes()).isLessThan(400_000_000L);
    TestReport report = r.tests().orElseThrow();
    assertThat(report.hiddenTotal()).isEqualTo(3);
    assertThat(report.hiddenPassed()).isZero();
    assertThat(report.cases().get(4).error()).contains("stopped before this case");
    assertNothingHiddenShows(language, r);
  }
}
