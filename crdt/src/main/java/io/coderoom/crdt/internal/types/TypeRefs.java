package io.coderoom.crdt.internal.types;

import io.coderoom.crdt.Text;
import io.coderoom.crdt.YArray;
import io.coderoom.crdt.YMap;
import io.coderoom.crdt.YXmlElement;
import io.coderoom.crdt.YXmlFragment;
import io.coderoom.crdt.YXmlHook;
import io.coderoom.crdt.YXmlText;

/** Creates prelim shared types by type ref. Yjs typeRefs (src/structs/ContentType.js). */
public final class TypeRefs {
  private TypeRefs() {}

  public static Branch create(int typeRef, String name) {
    Object t =
        switch (typeRef) {
          case Branch.YARRAY -> new YArray();
          case Branch.YMAP -> new YMap();
          case Branch.YTEXT -> new Text();
          case Branch.YXML_ELEMENT -> new YXmlElement(name);
          case Branch.YXML_FRAGMENT -> new YXmlFragment();
          case Branch.YXML_HOOK -> new YXmlHook(name);
          case Branch.YXML_TEXT -> new YXmlText();
          default -> throw new IllegalArgumentException("unknown type ref " + typeRef);
        };
    return ListOps.resolver.branchOf(t);
  }
}
