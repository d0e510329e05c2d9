package io.coderoom.server.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** CIDRs and single addresses, IPv4 and IPv6, matched bit by bit. */
class AddressRangeTest {
  @Test
  void aCidrHoldsTheAddressesUnderItsPrefix() {
    AddressRange range = AddressRange.parse("10.1.0.0/16");
    assertThat(range.contains(address("10.1.255.7"))).isTrue();
    assertThat(range.contains(address("10.2.0.1"))).isFalse();
    AddressRange odd = AddressRange.parse(" 172.16.0.0/12 ");
    assertThat(odd.contains(address("172.31.255.255"))).isTrue();
    assertThat(odd.contains(address("172.32.0.0"))).isFalse();
    assertThat(odd.contains(address("172.15.255.255"))).isFalse();
    assertThat(AddressRange.parse("0.0.0.0/0").contains(address("203.0.113.9"))).isTrue();
  }

  @Test
  void oneAddressIsARangeOfOne() {
    AddressRange one = AddressRange.parse("192.0.2.7");
    assertThat(one.contains(address("192.0.2.7"))).isTrue();
    assertThat(one.contains(address("192.0.2.8"))).isFalse();
    assertThat(AddressRange.parse("::1").contains(address("0:0:0:0:0:0:0:1"))).isTrue();
  }

  @Test
  void ipv6RangesMatchOnlyIpv6AndIpv4OnlyIpv4() {
    AddressRange v6 = AddressRange.parse("2001:db8:1::/48");
    assertThat(v6.contains(address("2001:db8:1:ffff::1"))).isTrue();
    assertThat(v6.contains(address("2001:db8:2::1"))).isFalse();
    assertThat(v6.contains(address("10.0.0.1"))).isFalse();
    assertThat(AddressRange.parse("0.0.0.0/0").contains(address("2001:db8::1"))).isFalse();
    // An IPv4 address written the IPv6 way is the IPv4 address.
    assertThat(AddressRange.parse("::ffff:10.0.0.0/104").contains(address("10.9.9.9"))).isTrue();
    assertThat(AddressRange.parse("10.0.0.0/8").contains(address("::ffff:10.9.9.9"))).isTrue();
  }

  @Test
  void bitsPastThePrefixAreIgnored() {
    assertThat(AddressRange.parse("10.1.2.3/8").contains(address("10.200.0.1"))).isTrue();
  }

  @Test
  void namesAndBadPrefixesAreRefusedWithTheEntry() {
    for (String bad :
        new String[] {
          "proxy.internal", "10.0.0.0/33", "fd00::/129", "10.0.0.0/", "10.0.0.0/x", ""
        }) {
      assertThatThrownBy(() -> AddressRange.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'");
    }
  }

  private static InetAddress address(String literal) {
    return AddressRange.literal(literal).orElseThrow();
  }
}
