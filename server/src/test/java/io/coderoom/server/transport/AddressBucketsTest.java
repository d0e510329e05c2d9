package io.coderoom.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AddressBucketsTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void aBurstOfAMinutesWorthThenOneEveryInterval() {
    AddressBuckets buckets = new AddressBuckets(6, 100, now::get);
    for (int i = 0; i < 6; i++) {
      assertThat(buckets.take("a")).as("request %d", i).isEmpty();
    }
    assertThat(buckets.take("a")).contains(Duration.ofSeconds(10));
    assertThat(buckets.take("b")).as("another address has its own bucket").isEmpty();
    now.addAndGet(Duration.ofSeconds(4).toNanos());
    assertThat(buckets.emptyFor("a")).contains(Duration.ofSeconds(6));
    now.addAndGet(Duration.ofSeconds(6).toNanos());
    assertThat(buckets.emptyFor("a")).isEmpty();
    assertThat(buckets.take("a")).isEmpty();
    assertThat(buckets.take("a")).isPresent();
  }

  @Test
  void memoryStaysBoundedAndRefilledBucketsAreForgotten() {
    AddressBuckets buckets = new AddressBuckets(1, 3, now::get);
    for (int i = 0; i < 10; i++) {
      buckets.take("address-" + i);
    }
    assertThat(buckets.size()).isEqualTo(3);
    now.addAndGet(Duration.ofMinutes(2).toNanos());
    buckets.take("fresh");
    assertThat(buckets.size()).as("idle, refilled buckets are dropped").isLessThanOrEqualTo(2);
  }

  @Test
  void ipv6AddressesShareTheirSlash64() throws Exception {
    String one = RequestLimits.key(Optional.of(InetAddress.getByName("2001:db8:1:2:aaaa::1")));
    String other = RequestLimits.key(Optional.of(InetAddress.getByName("2001:db8:1:2:ffff::9")));
    String elsewhere = RequestLimits.key(Optional.of(InetAddress.getByName("2001:db8:1:3::1")));
    assertThat(one).isEqualTo(other).isNotEqualTo(elsewhere);
    assertThat(RequestLimits.key(Optional.of(InetAddress.getByName("10.0.0.7"))))
        .isEqualTo("10.0.0.7");
  }
}
