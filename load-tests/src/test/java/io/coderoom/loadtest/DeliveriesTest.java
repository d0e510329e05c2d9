package io.coderoom.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveriesTest {
  @Test
  void countsARelayHopForARelayedSenderAndForARelayedReceiver() {
    Deliveries deliveries = new Deliveries();
    deliveries.relayed(new boolean[] {false, true, false, true});

    deliveries.record(0, 2, 1_000); // both on the owner
    deliveries.record(1, 0, 2_000); // relayed sender
    deliveries.record(2, 3, 3_000); // relayed receiver
    deliveries.record(1, 3, 4_000); // both relayed

    assertThat(deliveries.interval().getTotalCount()).isEqualTo(4);
    assertThat(deliveries.interval(0).getTotalCount()).isEqualTo(1);
    assertThat(deliveries.interval(1).getTotalCount()).isEqualTo(2);
    assertThat(deliveries.interval(2).getMaxValue()).isBetween(3_990L, 4_010L);
  }

  @Test
  void withoutInstancesEveryDeliveryIsDirect() {
    Deliveries deliveries = new Deliveries();

    deliveries.record(0, 1, 1_000);
    deliveries.record(7, 3, 1_000);

    assertThat(deliveries.interval(0).getTotalCount()).isEqualTo(2);
    assertThat(deliveries.interval(1).getTotalCount()).isZero();
  }
}
