package io.coderoom.server.transport;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code X-Forwarded-For} header: the addresses a request was forwarded for, the client first,
 * each proxy appending the address it received the request from. Anyone can write one, so only what
 * trusted proxies appended means anything (see {@link TrustedProxies}).
 */
public final class ForwardedFor {
  public static final String HEADER = "X-Forwarded-For";

  private ForwardedFor() {}

  /** Its entries, left (the first sender) to right, over every line of the header in order. */
  static List<String> entries(HttpHeaders headers) {
    List<String> entries = new ArrayList<>();
    for (String line : headers.getAll(HEADER)) {
      for (String entry : line.split(",", -1)) {
        entries.add(entry.strip());
      }
    }
    return entries;
  }

  /**
   * The address of one entry: an IPv4 or IPv6 address, bracketed or not, with or without a port
   * ({@code 192.0.2.7:4711}, {@code [2001:db8::1]:443}); empty for anything else ({@code unknown},
   * an obfuscated name, a host name, garbage).
   */
  static Optional<InetAddress> address(String entry) {
    String address = entry;
    if (entry.startsWith("[")) {
      int close = entry.indexOf(']');
      if (close < 0 || !(close == entry.length() - 1 || isPort(entry.substring(close + 1)))) {
        return Optional.empty();
      }
      address = entry.substring(1, close);
      if (!NetUtil.isValidIpV6Address(address)) {
        return Optional.empty();
      }
    } else if (entry.indexOf(':') >= 0 && entry.indexOf(':') == entry.lastIndexOf(':')) {
      int colon = entry.indexOf(':');
      if (!isPort(entry.substring(colon))) {
        return Optional.empty();
      }
      address = entry.substring(0, colon);
      if (!NetUtil.isValidIpV4Address(address)) {
        return Optional.empty();
      }
    }
    return AddressRange.literal(address);
  }

  /**
   * The header an instance sends with a request it passes on to the instance holding the room (a
   * relayed socket, a forwarded call), whose per-address limits must count the client, not the
   * instance: the one address this instance decided is the client's ({@link Request#client()}), in
   * place of the chain the request arrived with. The holder reads it when it trusts the instances
   * of its cluster ({@code CODEROOM_TRUSTED_PROXIES}). Sending the decision rather than the chain
   * keeps it where the client's connection ends: the holder need not agree on the load balancers,
   * and a chain the client forged never travels further. Empty for a client without an address.
   */
  public static Optional<String> toPeer(Request request) {
    return request.client().map(ForwardedFor::entryFor);
  }

  /** How a proxy names {@code client} in the header: the address alone, without brackets. */
  static String entryFor(InetAddress client) {
    return NetUtil.toAddressString(client);
  }

  private static boolean isPort(String text) {
    return text.matches(":\\d{1,5}");
  }
}
