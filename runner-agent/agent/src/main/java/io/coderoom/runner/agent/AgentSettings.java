package io.coderoom.runner.agent;

import io.coderoom.runner.agent.sandbox.SandboxUser;
import io.coderoom.runner.protocol.Setting;
import io.coderoom.runner.protocol.SharedSettings;
import java.util.List;

/** The runner agent's settings, declared once: {@link AgentConfig} reads them through these. */
public final class AgentSettings {
  private AgentSettings() {}

  private static final String SECTION = "Runner agent";

  public static final Setting RUNNER_SLOTS =
      Setting.of(SECTION, "CODEROOM_RUNNER_SLOTS", "2", "runs one agent executes at once");

  public static final Setting AGENT_ID =
      Setting.derived(
          SECTION,
          "CODEROOM_AGENT_ID",
          "host-pid",
          "runner-1",
          "the agent's id, in heartbeats and results (default: its host name and pid)");

  public static final Setting RUNNER_WARM =
      Setting.of(
          SECTION,
          "CODEROOM_RUNNER_WARM",
          "1",
          "pre-started containers per language (0 turns the warm pool off)");

  public static final Setting RUNNER_WORK_DIR =
      Setting.derived(
          SECTION,
          "CODEROOM_RUNNER_WORK_DIR",
          "`/var/lib/coderoom/runs` (root), else `~/.local/state/coderoom/runs`",
          "/var/lib/coderoom/runs",
          "host folder of the runs' files, mounted read-only into containers; the agent makes it"
              + " mode 0700 and refuses a folder another user owns or could enter or swap");

  public static final Setting SANDBOX_UID =
      Setting.of(
          SECTION,
          "CODEROOM_SANDBOX_UID",
          Integer.toString(SandboxUser.DEFAULT_UID),
          "uid and gid candidates' code runs as (and that owns run files); the agent refuses one"
              + " a host account has; deploy/runner-images/build.sh builds the images with it");

  public static final Setting RUNNER_DRAIN_SECONDS =
      Setting.of(
          SECTION,
          "CODEROOM_RUNNER_DRAIN_SECONDS",
          "30",
          "how long SIGTERM waits for runs in progress");

  public static final Setting DOCKER_HOST =
      Setting.derived(
          SECTION,
          "CODEROOM_DOCKER_HOST",
          "`DOCKER_HOST`, else the local socket",
          "unix:///var/run/docker.sock",
          "the Docker engine the agent runs containers on");

  public static final Setting RUNNER_SECCOMP =
      Setting.derived(
          SECTION,
          "CODEROOM_RUNNER_SECCOMP",
          "the profile built in",
          "/etc/coderoom/seccomp.json",
          "a file holding the seccomp profile the runner containers get, instead of the one in"
              + " deploy/seccomp built into the agent");

  public static final Setting AGENT_METRICS_HOST =
      Setting.of(
          SECTION,
          "CODEROOM_AGENT_METRICS_HOST",
          "127.0.0.1",
          "the address the agent serves its Prometheus /metrics on");

  public static final Setting AGENT_METRICS_PORT =
      Setting.of(
          SECTION,
          "CODEROOM_AGENT_METRICS_PORT",
          "9464",
          "the port of the agent's /metrics (queue, runs by language and status, latencies, warm"
              + " pool, slots); it needs CODEROOM_METRICS_TOKEN as Authorization: Bearer <token>"
              + " when that is set, while /healthz on the same port stays open for healthchecks;"
              + " 0 picks a free port, -1 turns it off");

  /** Every setting the agent reads, in the order the documentation lists them. */
  public static final List<Setting> ALL =
      List.of(
          SharedSettings.REDIS_URL,
          RUNNER_SLOTS,
          AGENT_ID,
          RUNNER_WARM,
          RUNNER_WORK_DIR,
          SANDBOX_UID,
          RUNNER_DRAIN_SECONDS,
          DOCKER_HOST,
          RUNNER_SECCOMP,
          AGENT_METRICS_HOST,
          AGENT_METRICS_PORT,
          SharedSettings.TRACES_EXPORTER,
          SharedSettings.OTLP_ENDPOINT);
}
