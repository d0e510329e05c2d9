package io.coderoom.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.NetworkInterface;
import org.junit.jupiter.api.Test;

class InstanceAddressTest {
  @Test
  void aHostNamedInTheSettingsIsTheAddress() {
    assertThat(InstanceAddress.of("10.0.1.12", 8080)).isEqualTo("10.0.1.12:8080");
    assertThat(InstanceAddress.of("fd00::12", 8081)).isEqualTo("[fd00::12]:8081");
  }

  @Test
  void everyAddressBecomesOneTheOthersCanReachWhenThisHostHasOne() throws Exception {
    boolean hasOne =
        NetworkInterface.networkInterfaces()
            .flatMap(NetworkInterface::inetAddresses)
            .anyMatch(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress());
    String address = InstanceAddress.of("0.0.0.0", 8080);
    assertThat(address).endsWith(":8080");
    String host = address.substring(0, address.lastIndexOf(':')).replaceAll("[\\[\\]]", "");
    // On a host whose name resolves to 127.0.1.1, the instance still gives out a real address.
    assertThat(InetAddress.getByName(host).isLoopbackAddress()).isEqualTo(!hasOne);
  }
}
