package io.coderoom.runner.agent.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.api.model.Volume;
import io.coderoom.runner.protocol.Language;
import io.coderoom.runner.protocol.Languages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates runner containers with every limit of the sandbox, and removes them. A container starts
 * idle ({@code sleep infinity} under Docker's init); compile and run are execs into it, which run
 * under the same cgroup, seccomp profile, capabilities and user. A warm container (for the pool)
 * also runs its language's warmup as an exec, and is handed over once that has finished loading.
 */
final class ContainerFactory {
  private static final Logger log = LoggerFactory.getLogger(ContainerFactory.class);

  /** Label on every runner container: the id of the agent that made it. */
  static final String AGENT_LABEL = "io.coderoom.runner.agent";

  /** Label naming the Redis the agent serves, so agents of another deployment are left alone. */
  static final String SCOPE_LABEL = "io.coderoom.runner.scope";

  static final String CODE_DIR = "/code";
  private static final long MB = 1024L * 1024;

  /** The longest a warm container's warmup may take before the pool takes the container anyway. */
  private static final Duration WARMUP_LIMIT = Duration.ofSeconds(20);

  private final DockerClient docker;
  private final SandboxSettings settings;
  private final String agentId;
  private final String scope;

  /**
   * Checks the host before any container exists: the work folder is private to the agent, and the
   * sandbox uid is no host account's.
   *
   * @throws IllegalStateException saying what to change, when either is not so
   */
  ContainerFactory(DockerClient docker, SandboxSettings settings, String agentId, String scope) {
    WorkFolder.prepare(settings.workDir());
    settings.user().requireNoHostAccount();
    this.docker = docker;
    this.settings = settings;
    this.agentId = agentId;
    this.scope = scope;
  }

  /** The user programs run as, as Docker's {@code --user}. */
  String user() {
    return settings.user().docker();
  }

  /**
   * Files the languages' warmup and compile commands use, written to {@code /code} of every
   * container of a language with a warmup before it starts (the agent ships them, so the images
   * need no change).
   */
  private static final Map<String, String> SUPPORT_FILES =
      Map.of(".coderoom-typescript-check.js", resource("typescript-check.js"));

  private static String warmup(String image) {
    return Languages.builtIn().all().stream()
        .filter(language -> language.image().equals(image))
        .map(Language::warmup)
        .findFirst()
        .orElse("");
  }

  private static String resource(String name) {
    try (InputStream in = ContainerFactory.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the runner agent");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates and starts a container for a run now; on failure nothing is left behind. No warmup: the
   * compile command does the work itself, and a warmup would compete with it for the CPU.
   */
  Box start(String image, long memoryMb) {
    return create(image, memoryMb);
  }

  /**
   * Creates and starts a container for the warm pool, then runs its language's warmup (an exec that
   * ends once it has loaded what it preloads, leaving its process behind) and returns when it
   * ended, or after {@link #WARMUP_LIMIT}: a run that takes the container does not wait for a
   * half-loaded warmup. On failure nothing is left behind.
   */
  Box startWarm(String image, long memoryMb) {
    Box box = create(image, memoryMb);
    String warmup = warmup(image);
    if (warmup.isEmpty()) {
      return box;
    }
    try {
      String execId =
          docker
              .execCreateCmd(box.containerId())
              .withCmd("/bin/sh", "-c", warmup)
              .withUser(user())
              .withAttachStdout(true)
              .withAttachStderr(true)
              .exec()
              .getId();
      try (ResultCallback.Adapter<Frame> done =
          docker.execStartCmd(execId).exec(new ResultCallback.Adapter<>())) {
        if (!done.awaitCompletion(WARMUP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
          log.warn("{} warmup of {} took over {}", agentId, image, WARMUP_LIMIT);
        }
      }
      return box;
    } catch (IOException e) {
      // Closing the finished exec's stream: nothing to undo.
      return box;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      remove(box);
      throw new IllegalStateException("interrupted while warming up " + image, e);
    } catch (RuntimeException e) {
      remove(box);
      throw e;
    }
  }

  private Box create(String image, long memoryMb) {
    Workspace workspace = Workspace.create(settings.workDir(), settings.user());
    String id = null;
    try {
      if (!warmup(image).isEmpty()) {
        workspace.write(SUPPORT_FILES);
      }
      HostConfig host =
          HostConfig.newHostConfig()
              .withNetworkMode("none")
              .withSecurityOpts(
                  List.of("seccomp=" + settings.seccompJson(), "no-new-privileges:true"))
              .withCapDrop(Capability.ALL)
              .withReadonlyRootfs(true)
              .withTmpFs(
                  Map.of(
                      "/tmp", "rw,exec,nosuid,nodev,size=" + settings.tmpSizeMb() + "m,mode=1777"))
              .withShmSize(settings.shmSizeMb() * MB)
              .withPidsLimit(settings.pidsLimit())
              .withMemory(memoryMb * MB)
              .withMemorySwap(memoryMb * MB)
              .withMemorySwappiness(0L)
              .withNanoCPUs(settings.nanoCpus())
              .withUlimits(
                  List.of(
                      new Ulimit("nofile", settings.openFiles(), settings.openFiles()),
                      new Ulimit("fsize", settings.maxFileMb() * MB, settings.maxFileMb() * MB),
                      new Ulimit("core", 0L, 0L)))
              .withInit(true)
              .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE, null))
              .withBinds(new Bind(workspace.dir().toString(), new Volume(CODE_DIR), AccessMode.ro));
      id =
          docker
              .createContainerCmd(image)
              .withHostConfig(host)
              .withUser(user())
              .withWorkingDir("/tmp")
              .withNetworkDisabled(true)
              .withHostName("sandbox")
              .withEnv("HOME=/tmp", "PYTHONDONTWRITEBYTECODE=1", "PYTHONUNBUFFERED=1")
              .withCmd(List.of("/bin/sleep", "infinity"))
              .withLabels(Map.of(AGENT_LABEL, agentId, SCOPE_LABEL, scope))
              .exec()
              .getId();
      docker.startContainerCmd(id).exec();
      return new Box(id, image, memoryMb, workspace, false);
    } catch (RuntimeException e) {
      if (id != null) {
        remove(id);
      }
      workspace.close();
      throw e;
    }
  }

  /** Stops everything in the container at once (SIGKILL to its init). */
  void kill(String containerId) {
    try {
      docker.killContainerCmd(containerId).exec();
    } catch (NotFoundException | ConflictException e) {
      // Already gone or not running.
    } catch (RuntimeException e) {
      log.warn("{} could not kill container {}: {}", agentId, containerId, e.toString());
    }
  }

  void remove(Box box) {
    remove(box.containerId());
    box.workspace().close();
  }

  void remove(String containerId) {
    try {
      docker.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException e) {
      // Already removed.
    } catch (ConflictException e) {
      // Removal already in progress.
    } catch (RuntimeException e) {
      log.warn("{} could not remove container {}: {}", agentId, containerId, e.toString());
    }
  }

  /** Runner containers of this scope, with the agent that made each. */
  List<Container> list() {
    return docker
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(SCOPE_LABEL, scope))
        .exec();
  }
}
