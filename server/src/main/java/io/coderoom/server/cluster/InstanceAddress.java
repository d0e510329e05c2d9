package io.coderoom.server.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the other instances reach this one when {@code CODEROOM_CLUSTER_ADDRESS} does not say: the
 * host it listens on, or, when that is every address ({@code 0.0.0.0}), an address of this host
 * that others can reach. The host name's address is that in a container, but on a plain Debian host
 * the name resolves to a loopback address ({@code 127.0.1.1}), which would send every instance's
 * relays back to itself; so a loopback answer is passed over for the address the host reaches its
 * default route from, then for the address of an interface that is up.
 */
public final class InstanceAddress {
  private static final Logger log = LoggerFactory.getLogger(InstanceAddress.class);

  /** A documentation address (TEST-NET-3): only asked which source the route to it takes. */
  private static final InetSocketAddress ANYWHERE = new InetSocketAddress("203.0.113.1", 9);

  private InstanceAddress() {}

  /** {@code host:port}, with a reachable address of this host in place of a wildcard host. */
  public static String of(String host, int port) {
    String reachable = isWildcard(host) ? reachableAddress().getHostAddress() : host;
    return (reachable.contains(":") ? "[" + reachable + "]" : reachable) + ":" + port;
  }

  private static boolean isWildcard(String host) {
    return host.isEmpty() || host.equals("0.0.0.0") || host.equals("::");
  }

  private static InetAddress reachableAddress() {
    InetAddress named;
    try {
      named = InetAddress.getLocalHost();
    } catch (UnknownHostException e) {
      named = InetAddress.getLoopbackAddress();
    }
    if (!named.isLoopbackAddress()) {
      return named;
    }
    Optional<InetAddress> reachable = defaultRouteSource().or(InstanceAddress::interfaceAddress);
    if (reachable.isEmpty()) {
      // One instance needs no address for others; several need one.
      log.warn(
          "this host has only loopback addresses: set CODEROOM_CLUSTER_ADDRESS to run several"
              + " instances");
    }
    return reachable.orElse(named);
  }

  /** The source address of this host's default route (connecting a UDP socket sends nothing). */
  private static Optional<InetAddress> defaultRouteSource() {
    try (DatagramSocket probe = new DatagramSocket()) {
      probe.connect(ANYWHERE);
      InetAddress source = probe.getLocalAddress();
      return usable(source) ? Optional.of(source) : Optional.empty();
    } catch (IOException | UncheckedIOException noRoute) {
      return Optional.empty();
    }
  }

  /** An address of an interface that is up, IPv4 first (a host with no default route). */
  private static Optional<InetAddress> interfaceAddress() {
    try {
      List<InetAddress> addresses =
          NetworkInterface.networkInterfaces()
              .filter(InstanceAddress::isUp)
              .flatMap(NetworkInterface::inetAddresses)
              .filter(InstanceAddress::usable)
              .sorted(Comparator.comparing(address -> address instanceof Inet4Address ? 0 : 1))
              .toList();
      return addresses.stream().findFirst();
    } catch (SocketException e) {
      return Optional.empty();
    }
  }

  private static boolean isUp(NetworkInterface network) {
    try {
      return network.isUp() && !network.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }

  private static boolean usable(InetAddress address) {
    return !address.isAnyLocalAddress()
        && !address.isLoopbackAddress()
        && !address.isLinkLocalAddress();
  }
}
