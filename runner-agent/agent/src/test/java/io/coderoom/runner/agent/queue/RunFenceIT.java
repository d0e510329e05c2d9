package io.coderoom.runner.agent.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coderoom.runner.agent.RedisFixture;
import io.coderoom.runner.protocol.RedisKeys;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunFenceIT {
  private final RedisFixture fixture = new RedisFixture();
  private final RedisCommands<String, String> redis = fixture.redis;

  @AfterEach
  void disconnect() {
    fixture.close();
  }

  @Test
  void onlyOneAgentOwnsARunAndAFinishedRunIsNotRunAgain() {
    String runId = "fence-" + UUID.randomUUID();
    RunFence a = new RunFence(redis, "agent-a");
    RunFence b = new RunFence(redis, "agent-b");

    assertThat(a.claim(runId)).isEqualTo(RunFence.Claim.OWNED);
    assertThat(b.claim(runId)).isEqualTo(RunFence.Claim.HELD_ELSEWHERE);
    assertThat(a.claim(runId)).isEqualTo(RunFence.Claim.OWNED);
    assertThat(redis.pttl(RedisKeys.runOwner(runId))).isBetween(1L, RunFence.TTL.toMillis());

    assertThat(a.refresh(runId)).isTrue();
    assertThat(b.refresh(runId)).isFalse();

    a.markDone(runId);
    assertThat(b.claim(runId)).isEqualTo(RunFence.Claim.DONE);
    assertThat(redis.get(RedisKeys.runOwner(runId))).isEqualTo("done:agent-a");

    // A dead owner's fence expires by itself; then another agent may take the run.
    String orphan = "fence-" + UUID.randomUUID();
    Duration lease = Duration.ofMillis(500);
    RunFence dead = new RunFence(redis, "agent-dead", lease);
    RunFence live = new RunFence(redis, "agent-b", lease);
    assertThat(dead.claim(orphan)).isEqualTo(RunFence.Claim.OWNED);
    assertThat(redis.pttl(RedisKeys.runOwner(orphan))).isBetween(1L, lease.toMillis());
    assertThat(live.claim(orphan)).isEqualTo(RunFence.Claim.HELD_ELSEWHERE);
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> live.claim(orphan) == RunFence.Claim.OWNED);
    assertThat(redis.get(RedisKeys.runOwner(orphan))).isEqualTo("agent-b");
    // The old owner's refresh cannot take it back.
    assertThat(dead.refresh(orphan)).isFalse();
    assertThat(live.refresh(orphan)).isTrue();
  }
}
