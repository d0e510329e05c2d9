package io.coderoom.runner.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coderoom.runner.protocol.AgentHeartbeat;
import io.coderoom.runner.protocol.RedisKeys;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.RunStatus;
import io.lettuce.core.Consumer;
import io.lettuce.core.Range;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs an agent against the real Redis that {@code ./coderoom test} starts. */
class RunnerAgentIT {
  private final RedisFixture fixture = new RedisFixture();
  private final RedisCommands<String, String> redis = fixture.redis;

  @AfterEach
  void disconnect() {
    fixture.close();
  }

  @Test
  void publishesHeartbeatWithTtlAndRemovesItOnClose() {
    String agentId = "it-" + UUID.randomUUID();
    String key = RedisKeys.agentHeartbeat(agentId);
    AgentConfig config =
        AgentConfig.of(RedisFixture.REDIS_URL, agentId, "test-host", 3).withWarmPerLanguage(0);

    try (RunnerAgent agent = RunnerAgent.start(config)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> redis.exists(key) == 1);
      Map<String, String> fields = redis.hgetall(key);
      AgentHeartbeat heartbeat = AgentHeartbeat.fromFields(fields);
      assertThat(heartbeat.agentId()).isEqualTo(agentId);
      assertThat(heartbeat.host()).isEqualTo("test-host");
      assertThat(heartbeat.slots()).isEqualTo(3);
      assertThat(heartbeat.busySlots()).isZero();
      assertThat(redis.pttl(key)).isBetween(1L, RedisKeys.HEARTBEAT_TTL.toMillis());
      assertThat(agent.config()).isEqualTo(config);
    }

    assertThat(redis.exists(key)).isZero();
  }

  @Test
  void finishedJobsLeaveNoJobDataInRedis() {
    // A job its consumers gave up on three times: the janitor fails it.
    String givenUp = RedisFixture.newRunId("given-up");
    String givenUpEntry = fixture.submit(RunJob.run(givenUp, "python", "print('never')\n", ""));
    deliverThreeTimesToDeadConsumers(givenUpEntry);

    String agentId = "it-" + UUID.randomUUID();
    AgentConfig config =
        AgentConfig.of(RedisFixture.REDIS_URL, agentId, "test-host", 2).withWarmPerLanguage(0);
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put(givenUp, givenUpEntry);
    try (RunnerAgent agent = RunnerAgent.start(config)) {
      List<String> ok = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String runId = RedisFixture.newRunId("cleaned");
        entries.put(runId, fixture.submit(RunJob.run(runId, "python", "print(" + i + ")\n", "")));
        ok.add(runId);
      }
      // A job the agent cannot even read (no language): refused with a result.
      String malformed = RedisFixture.newRunId("malformed");
      entries.put(
          malformed,
          redis.xadd(RedisKeys.JOBS_STREAM, Map.of("runId", malformed, "mode", "RUN", "code", "")));

      for (String runId : ok) {
        RunResult result = fixture.awaitResult(runId, Duration.ofSeconds(60));
        assertThat(result.status()).as(result.message()).isEqualTo(RunStatus.OK);
      }
      assertThat(fixture.awaitResult(malformed, Duration.ofSeconds(30)).status())
          .isEqualTo(RunStatus.INTERNAL_ERROR);
      RunResult failed = fixture.awaitResult(givenUp, Duration.ofSeconds(30));
      assertThat(failed.message()).contains("given up after 3 attempts");

      // Each entry goes with its acknowledgement, which follows the result.
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () ->
                    assertThat(
                            redis.xrange(
                                RedisKeys.JOBS_STREAM,
                                Range.create(entry.getValue(), entry.getValue())))
                        .as("job entry of %s", entry.getKey())
                        .isEmpty());
      }
      assertThat(
              redis.xpending(
                  RedisKeys.JOBS_STREAM,
                  RedisKeys.AGENT_GROUP,
                  Range.create("-", "+"),
                  io.lettuce.core.Limit.from(1000)))
          .extracting(p -> p.getId())
          .doesNotContainAnyElementsOf(entries.values());
    }
  }

  /** Reads the job as a consumer that died, then sets its delivery count to 3, idle long ago. */
  private void deliverThreeTimesToDeadConsumers(String entryId) {
    try {
      redis.xgroupCreate(
          XReadArgs.StreamOffset.from(RedisKeys.JOBS_STREAM, "0"),
          RedisKeys.AGENT_GROUP,
          XGroupCreateArgs.Builder.mkstream());
    } catch (RedisBusyException e) {
      // The group exists.
    }
    Consumer<String> ghost = Consumer.from(RedisKeys.AGENT_GROUP, "ghost-" + UUID.randomUUID());
    boolean read = false;
    while (!read) {
      List<StreamMessage<String, String>> messages =
          redis.xreadgroup(
              ghost,
              XReadArgs.Builder.count(1).block(Duration.ofSeconds(1)),
              XReadArgs.StreamOffset.lastConsumed(RedisKeys.JOBS_STREAM));
      assertThat(messages).as("the job reached the dead consumer").isNotEmpty();
      read = messages.stream().anyMatch(m -> m.getId().equals(entryId));
    }
    redis.xclaim(
        RedisKeys.JOBS_STREAM,
        ghost,
        XClaimArgs.Builder.minIdleTime(0).idle(Duration.ofMinutes(1)).retryCount(3),
        entryId);
  }
}
