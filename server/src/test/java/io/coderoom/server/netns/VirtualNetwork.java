package io.coderoom.server.netns;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hosts on this machine for a multi-host test: network namespaces joined by veth pairs to a bridge
 * that lives in a namespace of its own (the "switch"), on a private /24 in 10.77.0.0/16. The test's
 * own process reaches that network through one more veth, whose root-side end is the only thing
 * this adds outside the namespaces (an interface named {@code crnet<pid>} with the .1 address), so
 * the machine's real interfaces, routes and firewall are never touched. A host can also sit behind
 * another one only (see {@link #isolatedHost}), reaching nothing else.
 *
 * <p>Every namespace is named {@code crnet-<pid>-<host>} after the test JVM that made it. Closing
 * kills whatever still runs in them and deletes them (their veths go with them); so does the next
 * run for namespaces whose JVM is gone (a run killed before it could clean up).
 *
 * <p>Needs root (as CI runs), iproute2 and bash.
 */
public final class VirtualNetwork implements AutoCloseable {
  private static final String PREFIX = "crnet-";
  private static final Pattern OURS = Pattern.compile("^" + PREFIX + "(\\d+)-\\S+");

  /** The subnet of the links to isolated hosts; it exists only inside their two namespaces. */
  private static final String ISOLATED_SUBNET = "10.77.0.";

  private final String id = Long.toString(ProcessHandle.current().pid());
  private final String subnet;
  private final String switchNamespace;
  private final List<String> namespaces = new ArrayList<>();
  private final Thread cleanup = new Thread(this::removeAll, "virtual-network-cleanup");
  private int nextAddress = 10;
  private int nextIsolated = 1;

  private VirtualNetwork(String subnet) {
    this.subnet = subnet;
    this.switchNamespace = PREFIX + id + "-switch";
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  /** Removes what a dead run left behind, then makes the switch and the test's own link to it. */
  public static VirtualNetwork create() throws Exception {
    if (!"root".equals(System.getProperty("user.name"))) {
      throw new AssertionError("network namespaces need root: run the tests as root, as CI does");
    }
    removeLeftovers();
    VirtualNetwork network = new VirtualNetwork(freeSubnet());
    try {
      network.addNamespace(network.switchNamespace);
      network.inSwitch("ip", "link", "add", "br0", "type", "bridge");
      network.inSwitch("ip", "link", "set", "br0", "up");
      String rootEnd = "crnet" + network.id;
      run(
          "ip",
          "link",
          "add",
          rootEnd,
          "type",
          "veth",
          "peer",
          "name",
          "test",
          "netns",
          network.switchNamespace);
      network.plugIntoSwitch("test");
      run("ip", "addr", "add", network.subnet + "1/24", "dev", rootEnd);
      run("ip", "link", "set", rootEnd, "up");
      return network;
    } catch (Exception | AssertionError e) {
      network.close();
      throw e;
    }
  }

  /** The address the test's own process has on the network. */
  public String testAddress() {
    return subnet + "1";
  }

  /** The network's addresses as a CIDR (for a server's allow list, say). */
  public String cidr() {
    return subnet + "0/24";
  }

  /** A new host on the network, with the next free address. */
  public Host host(String name) throws Exception {
    String namespace = PREFIX + id + "-" + name;
    addNamespace(namespace);
    String port = "to-" + name;
    run(
        "ip",
        "link",
        "add",
        port,
        "netns",
        switchNamespace,
        "type",
        "veth",
        "peer",
        "name",
        "eth0",
        "netns",
        namespace);
    plugIntoSwitch(port);
    Host host = new Host(namespace, subnet + nextAddress++);
    configure(host, "eth0", host.address());
    return host;
  }

  /**
   * A host whose one link goes to {@code gateway}, on a subnet of their own: it reaches what
   * listens on the gateway's address on that link and nothing else (no route to the network).
   * Returns the host, and the gateway's address as the host sees it.
   */
  public IsolatedHost isolatedHost(String name, Host gateway) throws Exception {
    String namespace = PREFIX + id + "-" + name;
    addNamespace(namespace);
    String gatewayEnd = "to-" + name;
    run(
        "ip",
        "link",
        "add",
        gatewayEnd,
        "netns",
        gateway.namespace(),
        "type",
        "veth",
        "peer",
        "name",
        "eth0",
        "netns",
        namespace);
    String gatewayAddress = ISOLATED_SUBNET + nextIsolated++;
    Host host = new Host(namespace, ISOLATED_SUBNET + nextIsolated++);
    configure(host, "eth0", host.address());
    configure(gateway, gatewayEnd, gatewayAddress);
    return new IsolatedHost(host, gatewayAddress);
  }

  /** A host behind one gateway, and the gateway's address on their link. */
  public record IsolatedHost(Host host, String gatewayAddress) {}

  private void addNamespace(String namespace) throws Exception {
    run("ip", "netns", "add", namespace);
    namespaces.add(namespace);
    run("ip", "-n", namespace, "link", "set", "lo", "up");
  }

  private void plugIntoSwitch(String port) throws Exception {
    inSwitch("ip", "link", "set", port, "master", "br0");
    inSwitch("ip", "link", "set", port, "up");
  }

  private static void configure(Host host, String device, String address) throws Exception {
    run("ip", "-n", host.namespace(), "addr", "add", address + "/24", "dev", device);
    run("ip", "-n", host.namespace(), "link", "set", device, "up");
  }

  private void inSwitch(String... command) throws Exception {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", switchNamespace));
    full.addAll(List.of(command));
    run(full.toArray(String[]::new));
  }

  /** A 10.77.N.0/24 that no interface of this machine uses, starting from one keyed by the pid. */
  private static String freeSubnet() throws Exception {
    String used = run("ip", "-4", "-o", "addr") + run("ip", "-4", "route");
    int start = (int) (ProcessHandle.current().pid() % 200);
    for (int i = 0; i < 250; i++) {
      int candidate = 1 + (start + i) % 250;
      if (!used.contains("10.77." + candidate + ".")) {
        return "10.77." + candidate + ".";
      }
    }
    throw new AssertionError("no free 10.77.N.0/24 on this machine");
  }

  /** Deletes the namespaces of runs whose JVM is no longer alive, and what runs in them. */
  private static void removeLeftovers() throws Exception {
    for (String line : run("ip", "netns", "list").split("\n")) {
      Matcher ours = OURS.matcher(line.trim());
      if (ours.find()
          && ProcessHandle.of(Long.parseLong(ours.group(1))).map(p -> !p.isAlive()).orElse(true)) {
        remove(line.trim().split("\\s+")[0]);
      }
    }
  }

  /** Kills every process left in the namespace, then deletes it (and so its veths). */
  private static void remove(String namespace) {
    try {
      for (int attempt = 0; attempt < 50; attempt++) {
        String pids = run("ip", "netns", "pids", namespace).trim();
        if (pids.isEmpty()) {
          break;
        }
        for (String pid : pids.split("\\s+")) {
          ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
        }
        Thread.sleep(100);
      }
      run("ip", "netns", "del", namespace);
    } catch (Exception | AssertionError e) {
      System.err.println("could not remove network namespace " + namespace + ": " + e);
    }
  }

  private synchronized void removeAll() {
    // Hosts first, the switch (holding the test's own link) last.
    for (int i = namespaces.size() - 1; i >= 0; i--) {
      remove(namespaces.get(i));
    }
    namespaces.clear();
  }

  @Override
  public void close() {
    removeAll();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or ran already.
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }
}
