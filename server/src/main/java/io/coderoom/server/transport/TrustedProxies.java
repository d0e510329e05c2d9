package io.coderoom.server.transport;

import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who a request comes from: the one place that decides a request's client address, which every
 * per-address limit reads ({@link Request#client()}).
 *
 * <p>Behind a load balancer the connection's peer is the balancer, so for a peer this list trusts,
 * the client is read from {@code X-Forwarded-For} ({@link ForwardedFor}): walking it from the right
 * (what the nearest proxy appended) over the addresses it trusts, the client is the first address
 * it does not trust. Only the right end is what trusted proxies wrote; everything left of the
 * client's own address is whatever the client sent, so reading the leftmost entry would let anyone
 * pick a fresh address for each request and escape every limit. If every entry is trusted, the
 * leftmost is the client (a request from inside the trusted network itself). An entry that is not
 * an address, where the walk reaches it, means the proxies' header cannot be read: the client is
 * then the peer, never an error.
 *
 * <p>Trusting nobody (the default) ignores the header entirely, as a server reached directly must.
 */
public final class TrustedProxies {
  private static final TrustedProxies NONE = new TrustedProxies(List.of());

  private final List<AddressRange> ranges;

  private TrustedProxies(List<AddressRange> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /** Trusts nobody: the client is always the connection's peer. */
  public static TrustedProxies none() {
    return NONE;
  }

  /**
   * Reads a comma-separated list of addresses and CIDRs, IPv4 or IPv6 ({@code 10.0.0.0/8,
   * 192.0.2.7, fd00::/8}); blank is nobody.
   *
   * @throws IllegalArgumentException naming the entry that is neither
   */
  public static TrustedProxies parse(String spec) {
    List<AddressRange> ranges = new ArrayList<>();
    for (String entry : spec.split(",")) {
      if (!entry.isBlank()) {
        ranges.add(AddressRange.parse(entry));
      }
    }
    return ranges.isEmpty() ? NONE : new TrustedProxies(ranges);
  }

  /** Whether it trusts nobody (the header is never read). */
  public boolean nobody() {
    return ranges.isEmpty();
  }

  boolean trusts(InetAddress address) {
    for (AddressRange range : ranges) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The client a request on a connection from {@code peer} comes from, by the rule above; empty
   * when the peer has no IP address (an in-process channel).
   */
  public Optional<InetAddress> client(SocketAddress peer, HttpHeaders headers) {
    if (!(peer instanceof InetSocketAddress inet) || inet.getAddress() == null) {
      return Optional.empty();
    }
    InetAddress direct = inet.getAddress();
    if (ranges.isEmpty() || !trusts(direct)) {
      return Optional.of(direct);
    }
    List<String> entries = ForwardedFor.entries(headers);
    InetAddress hop = direct;
    for (int i = entries.size() - 1; i >= 0; i--) {
      Optional<InetAddress> entry = ForwardedFor.address(entries.get(i));
      if (entry.isEmpty()) {
        return Optional.of(direct);
      }
      hop = entry.get();
      if (!trusts(hop)) {
        return Optional.of(hop);
      }
    }
    return Optional.of(hop);
  }

  @Override
  public String toString() {
    return ranges.isEmpty()
        ? "nobody"
        : ranges.stream().map(AddressRange::toString).collect(Collectors.joining(","));
  }
}
