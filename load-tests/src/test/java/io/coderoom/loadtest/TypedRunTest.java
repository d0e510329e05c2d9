package io.coderoom.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.crdt.Doc;
import org.junit.jupiter.api.Test;

class TypedRunTest {
  @Test
  void handWrittenUpdatesIntegrateAsTypingAndTrimTheOldest() throws Exception {
    Doc doc = new Doc();
    TypedRun first = new TypedRun(101, "codemirror", 6);
    TypedRun second = new TypedRun(202, "codemirror", 100);

    doc.applyUpdate(first.type("ab"));
    doc.applyUpdate(second.type("XY"));
    doc.applyUpdate(first.type("cd"));
    doc.applyUpdate(second.type("Z"));
    String text = doc.getText("codemirror").toString();
    assertThat(text).contains("abcd").contains("XYZ").hasSize(7);

    doc.applyUpdate(first.type("ef"));
    doc.applyUpdate(first.type("gh")); // past 6 live characters: "ab" goes
    text = doc.getText("codemirror").toString();
    assertThat(text).contains("cdefgh").doesNotContain("ab").contains("XYZ");
    assertThat(doc.hasPending()).isFalse();
  }

  @Test
  void theNewestInsertIsNeverTrimmedEvenWhenLongerThanTheBound() throws Exception {
    Doc doc = new Doc();
    TypedRun run = new TypedRun(7, "codemirror", 3);
    doc.applyUpdate(run.type("hello"));
    doc.applyUpdate(run.type("world!"));
    assertThat(doc.getText("codemirror").toString()).isEqualTo("world!");
  }
}
