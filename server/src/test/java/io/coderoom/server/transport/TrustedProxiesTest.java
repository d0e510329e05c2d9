package io.coderoom.server.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The client of a request: the peer, unless the peer is a trusted proxy; then the rightmost {@code
 * X-Forwarded-For} entry that is not itself trusted, so nothing a client writes at the left of the
 * header is ever believed.
 */
class TrustedProxiesTest {
  private static final TrustedProxies BALANCERS = TrustedProxies.parse("10.0.0.0/8, fd00::/8");

  @Test
  void trustingNobodyTheClientIsThePeerWhateverTheHeaderSays() {
    assertThat(TrustedProxies.none().client(peer("10.0.0.2"), forwardedFor("203.0.113.5")))
        .hasValue(address("10.0.0.2"));
    assertThat(TrustedProxies.parse("").nobody()).isTrue();
    assertThat(TrustedProxies.parse(" , ").nobody()).isTrue();
  }

  @Test
  void anUntrustedPeerIsTheClientWhateverTheHeaderSays() {
    assertThat(BALANCERS.client(peer("198.51.100.4"), forwardedFor("203.0.113.5")))
        .hasValue(address("198.51.100.4"));
  }

  @Test
  void behindATrustedProxyTheClientIsWhatItForwardedFor() {
    assertThat(BALANCERS.client(peer("10.0.0.2"), forwardedFor("203.0.113.5")))
        .hasValue(address("203.0.113.5"));
    assertThat(BALANCERS.client(peer("fd00::7"), forwardedFor("2001:db8::5")))
        .hasValue(address("2001:db8::5"));
  }

  @Test
  void theClientIsTheRightmostUntrustedEntrySoAForgedLeftEntryIsNeverBelieved() {
    // The client sent "192.0.2.66"; the load balancer appended what it saw, then an inner proxy.
    HttpHeaders headers = forwardedFor("192.0.2.66, 203.0.113.5, 10.0.0.9");
    assertThat(BALANCERS.client(peer("10.0.0.2"), headers)).hasValue(address("203.0.113.5"));
    // The same client, forging another left entry: the same client.
    assertThat(BALANCERS.client(peer("10.0.0.2"), forwardedFor("192.0.2.67, 203.0.113.5")))
        .hasValue(address("203.0.113.5"));
  }

  @Test
  void severalHeaderLinesAreOneListInOrder() {
    HttpHeaders headers =
        new DefaultHttpHeaders()
            .add(ForwardedFor.HEADER, "192.0.2.66")
            .add(ForwardedFor.HEADER, "203.0.113.5");
    assertThat(BALANCERS.client(peer("10.0.0.2"), headers)).hasValue(address("203.0.113.5"));
  }

  @Test
  void whenEveryEntryIsTrustedTheLeftmostIsTheClient() {
    assertThat(BALANCERS.client(peer("10.0.0.2"), forwardedFor("10.0.0.50, 10.0.0.3")))
        .hasValue(address("10.0.0.50"));
  }

  @Test
  void withoutTheHeaderATrustedPeerIsItsOwnClient() {
    assertThat(BALANCERS.client(peer("10.0.0.2"), new DefaultHttpHeaders()))
        .hasValue(address("10.0.0.2"));
  }

  @Test
  void entriesMayCarryPortsAndBrackets() {
    assertThat(BALANCERS.client(peer("10.0.0.2"), forwardedFor("203.0.113.5:4711")))
        .hasValue(address("203.0.113.5"));
    assertThat(BALANCERS.client(peer("10.0.0.2"), forwardedFor("[2001:db8::5]:443")))
        .hasValue(address("2001:db8::5"));
    assertThat(BALANCERS.client(peer("10.0.0.2"), forwardedFor("[2001:db8::5]")))
        .hasValue(address("2001:db8::5"));
  }

  @Test
  void aMalformedEntryTheWalkReachesLeavesThePeerAsTheClient() {
    for (String malformed :
        new String[] {
          "unknown",
          "_hidden",
          "proxy.example.org",
          "",
          "203.0.113.5, ",
          "203.0.113",
          "203.0.113.5:http",
          "[2001:db8::5",
          "[203.0.113.5]",
          "2001:db8::5:443:x",
          "fe80::1%eth0",
          "203.0.113.5\u0000"
        }) {
      assertThat(BALANCERS.client(peer("10.0.0.2"), forwardedFor(malformed)))
          .as(malformed)
          .hasValue(address("10.0.0.2"));
    }
    // Beyond the client's own entry nothing is read, so garbage there changes nothing.
    assertThat(BALANCERS.client(peer("10.0.0.2"), forwardedFor("garbage, 203.0.113.5")))
        .hasValue(address("203.0.113.5"));
    // A malformed entry between trusted hops: the proxies' header is unreadable.
    assertThat(BALANCERS.client(peer("10.0.0.2"), forwardedFor("203.0.113.5, junk, 10.0.0.3")))
        .hasValue(address("10.0.0.2"));
  }

  @Test
  void aPeerWithoutAnIpAddressHasNoClientAddress() {
    SocketAddress inProcess = new SocketAddress() {};
    assertThat(BALANCERS.client(inProcess, forwardedFor("203.0.113.5"))).isEmpty();
  }

  @Test
  void aListThatNamesSomethingElseIsRefusedWithTheEntry() {
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/8, lb.internal"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'lb.internal'");
  }

  @Test
  void aProxyNamesTheClientWithoutBrackets() {
    assertThat(ForwardedFor.entryFor(address("2001:db8:0:0:0:0:0:5"))).isEqualTo("2001:db8::5");
    assertThat(ForwardedFor.entryFor(address("203.0.113.5"))).isEqualTo("203.0.113.5");
    assertThat(ForwardedFor.address(ForwardedFor.entryFor(address("2001:db8::5"))))
        .hasValue(address("2001:db8::5"));
  }

  private static HttpHeaders forwardedFor(String value) {
    return new DefaultHttpHeaders(false).add(ForwardedFor.HEADER, value);
  }

  private static SocketAddress peer(String literal) {
    return new InetSocketAddress(address(literal), 40_000);
  }

  private static InetAddress address(String literal) {
    return Optional.ofNullable(NetUtil.createInetAddressFromIpAddressString(literal)).orElseThrow();
  }
}
