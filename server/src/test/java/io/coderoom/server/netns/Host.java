package io.coderoom.server.netns;

import java.util.ArrayList;
import java.util.List;

/**
 * One host of a {@link VirtualNetwork}: a network namespace of its own and the address the others
 * reach it at. Its processes are started through {@link #launcher()}, so they see only its network.
 */
public record Host(String namespace, String address) {
  /** The words that run a command inside this host: {@code ip netns exec NAMESPACE}. */
  public List<String> launcher() {
    return List.of("ip", "netns", "exec", namespace);
  }

  /** {@code command} as run inside this host. */
  public List<String> command(String... command) {
    List<String> full = new ArrayList<>(launcher());
    full.addAll(List.of(command));
    return full;
  }

  /** Whether a TCP connection from this host to {@code address:port} opens within two seconds. */
  public boolean reaches(String address, int port) throws Exception {
    Process probe =
        new ProcessBuilder(
                command(
                    "timeout",
                    "2",
                    "bash",
                    "-c",
                    "exec 3<>/dev/tcp/" + address + "/" + port,
                    "probe"))
            .redirectErrorStream(true)
            .start();
    probe.getInputStream().readAllBytes();
    return probe.waitFor() == 0;
  }
}
