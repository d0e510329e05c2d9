package io.coderoom.crdt.internal.types;

import io.coderoom.crdt.internal.core.DocCore;
import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.struct.Item;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * State of a shared type: its list ({@link #start}), its map entries and its place in the document.
 * The state of Yjs AbstractType; public types wrap one branch.
 */
public final class Branch {
  public static final int UNKNOWN = -1;
  public static final int YARRAY = 0;
  public static final int YMAP = 1;
  public static final int YTEXT = 2;
  public static final int YXML_ELEMENT = 3;
  public static final int YXML_FRAGMENT = 4;
  public static final int YXML_HOOK = 5;
  public static final int YXML_TEXT = 6;

  public int typeRef;

  /** Node name of an XML element, hook name of an XML hook. */
  public String nodeName;

  public Item item;
  public LinkedHashMap<String, Item> map = new LinkedHashMap<>();
  public Item start;
  public DocCore doc;
  public long length;
  public ArrayList<SearchMarker> searchMarker;
  public boolean hasFormatting;

  /** True once a formatting item was integrated here (unlike hasFormatting, never reset). */
  public boolean hasFormatItems;

  public TypeOwner owner;
  private String rootName;

  public Branch(int typeRef) {
    this.typeRef = typeRef;
    // as in Yjs: only YArray and YText (and so YXmlText) keep search markers
    if (typeRef == YARRAY || typeRef == YTEXT || typeRef == YXML_TEXT) {
      searchMarker = new ArrayList<>();
    }
  }

  public String rootName() {
    if (rootName == null) {
      throw new IllegalStateException("unexpected case: not a root type");
    }
    return rootName;
  }

  public void rootName(String name) {
    this.rootName = name;
  }

  public Object publicType() {
    return owner == null ? null : owner.publicType();
  }

  /** Yjs AbstractType._integrate. */
  public void integrate(Txn transaction, Item item) {
    this.doc = transaction.doc;
    this.item = item;
    if (owner != null) {
      owner.integrated(transaction);
    }
  }

  /** A fresh, empty prelim type of the same kind (Yjs _copy). */
  public Branch copyEmpty() {
    return TypeRefs.create(typeRef, nodeName);
  }

  /** First non-deleted item of the list. */
  public Item first() {
    Item n = start;
    while (n != null && n.deleted()) {
      n = n.right;
    }
    return n;
  }

  public Branch parent() {
    return item == null ? null : item.parent;
  }
}
