package io.coderoom.crdt;

import io.coderoom.crdt.internal.types.Branch;

/** Text inside an XML tree (Yjs Y.XmlText). */
public final class YXmlText extends Text {
  public YXmlText() {
    super(new Branch(Branch.YXML_TEXT));
  }

  YXmlText(Branch branch) {
    super(branch);
  }
}
