package io.coderoom.server.transport;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.util.Optional;

/**
 * A block of IP addresses written as a CIDR ({@code 10.0.0.0/8}, {@code fd00::/8}) or one address
 * ({@code 192.0.2.7}, a block of one). IPv4 addresses written the IPv6 way ({@code ::ffff:a.b.c.d})
 * are IPv4 here, as they are on the wire.
 */
final class AddressRange {
  private final byte[] network;
  private final int prefixLength;

  private AddressRange(byte[] network, int prefixLength) {
    this.network = network;
    this.prefixLength = prefixLength;
  }

  /**
   * Reads {@code ADDRESS} or {@code ADDRESS/PREFIX}; bits past the prefix are ignored.
   *
   * @throws IllegalArgumentException when it is neither
   */
  static AddressRange parse(String text) {
    String spec = text.trim();
    int slash = spec.indexOf('/');
    Optional<InetAddress> address = literal(slash < 0 ? spec : spec.substring(0, slash));
    if (address.isEmpty()) {
      throw new IllegalArgumentException(
          "'" + spec + "' is not an IP address or a CIDR such as 10.0.0.0/8 or fd00::/8");
    }
    byte[] bytes = address.get().getAddress();
    // ::ffff:a.b.c.d/N is the IPv4 block a.b.c.d/(N - 96): the address reads as IPv4.
    int written = spec.indexOf(':') >= 0 ? 128 : 32;
    int mapped = written - bytes.length * 8;
    int prefix = written;
    if (slash >= 0) {
      String length = spec.substring(slash + 1);
      prefix = length.matches("\\d{1,3}") ? Integer.parseInt(length) : -1;
    }
    if (prefix < mapped || prefix > written) {
      throw new IllegalArgumentException(
          "'" + spec + "' has a prefix length outside " + mapped + ".." + written);
    }
    return new AddressRange(bytes, prefix - mapped);
  }

  boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length != network.length) {
      return false;
    }
    int whole = prefixLength / 8;
    for (int i = 0; i < whole; i++) {
      if (bytes[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (bytes[whole] & mask) == (network[whole] & mask);
  }

  /**
   * An IP address literal ({@code 192.0.2.7}, {@code 2001:db8::1}, {@code [2001:db8::1]}), never a
   * name: nothing read from a request may cause a DNS lookup.
   */
  static Optional<InetAddress> literal(String text) {
    return Optional.ofNullable(NetUtil.createInetAddressFromIpAddressString(text));
  }

  @Override
  public String toString() {
    return NetUtil.bytesToIpAddress(network) + "/" + prefixLength;
  }
}
