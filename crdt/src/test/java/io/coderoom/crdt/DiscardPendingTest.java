package io.coderoom.crdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What waits for missing dependencies can be dropped, leaving the rest of the document as it was.
 */
class DiscardPendingTest {
  @Test
  void waitingUpdatesAreDroppedAndTheDocumentKeepsWorking() throws Exception {
    Doc source = Doc.builder().clientId(7).build();
    Text sourceText = source.getText("t");
    List<byte[]> updates = new ArrayList<>();
    source.onUpdate((update, origin, transaction) -> updates.add(update));
    sourceText.insert(0, "first ");
    sourceText.insert(6, "second");

    Doc doc = Doc.builder().clientId(9).build();
    doc.getText("t").insert(0, "mine");
    byte[] before = doc.encodeStateAsUpdate();
    doc.applyUpdate(updates.get(1)); // waits for "first "
    assertThat(doc.hasPending()).isTrue();
    assertThat(doc.pendingBytes()).isPositive();

    doc.discardPending();
    assertThat(doc.hasPending()).isFalse();
    assertThat(doc.pendingBytes()).isZero();
    assertThat(doc.encodeStateAsUpdate()).isEqualTo(before);

    // The dropped update comes again with what it needs, as its sender resends it.
    doc.applyUpdate(updates.get(0));
    doc.applyUpdate(updates.get(1));
    assertThat(doc.hasPending()).isFalse();
    assertThat(doc.getText("t").toString()).contains("first second").contains("mine");
  }

  @Test
  void notInsideATransaction() {
    Doc doc = new Doc();
    assertThatThrownBy(() -> doc.transact(transaction -> doc.discardPending()))
        .isInstanceOf(IllegalStateException.class);
  }
}
