package io.coderoom.crdt;

import io.coderoom.crdt.internal.content.JsonWriter;
import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.types.Branch;
import io.coderoom.crdt.internal.types.ListOps;
import io.coderoom.crdt.internal.types.MapOps;
import io.coderoom.crdt.internal.types.TextDelta;
import io.coderoom.crdt.internal.types.TextOps;
import io.coderoom.crdt.internal.types.TextPosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/** Shared rich text (Yjs Y.Text). Indexes and lengths are UTF-16 code units, as in JavaScript. */
public sealed class Text extends AbstractType permits YXmlText {
  private List<Runnable> pending = new ArrayList<>();

  /** A prelim, empty text to insert into a map or array. */
  public Text() {
    this(new Branch(Branch.YTEXT));
  }

  /** A prelim text with initial content. */
  public Text(String initial) {
    this();
    if (initial != null) {
      insert(0, initial);
    }
  }

  Text(Branch branch) {
    super(branch);
  }

  @Override
  void integrated(Txn transaction) {
    List<Runnable> p = pending;
    pending = null;
    if (p != null) {
      for (Runnable r : p) {
        r.run();
      }
    }
  }

  @Override
  void beforeObservers(Txn transaction) {
    if (!transaction.local && branch.hasFormatting) {
      transaction.needFormattingCleanup = true;
    }
  }

  @Override
  Event createEvent(Txn transaction, Set<String> parentSubs) {
    return new TextEvent(this, transaction, parentSubs);
  }

  private boolean deferred(Runnable r) {
    if (branch.doc == null) {
      if (pending == null) {
        pending = new ArrayList<>();
      }
      pending.add(r);
      return true;
    }
    return false;
  }

  /** Length in UTF-16 code units. */
  public int length() {
    return (int) branch.length;
  }

  private void checkIndex(int index) {
    if (index < 0 || index > branch.length) {
      throw new IndexOutOfBoundsException("index " + index + " out of [0, " + branch.length + "]");
    }
  }

  /** Inserts text, taking over the formatting at {@code index}. */
  public void insert(int index, String text) {
    insertInternal(index, text, null);
  }

  /** Inserts text with the given formatting attributes (null values remove a format). */
  public void insert(int index, String text, Map<String, Object> attributes) {
    insertInternal(index, text, Objects.requireNonNull(attributes, "attributes"));
  }

  /** Embeds and format values travel as JSON (Yjs writeJSON): fail early if they cannot. */
  private static void checkJson(Object value) {
    JsonWriter.stringify(value);
  }

  private static void checkAttributes(Map<String, Object> attributes) {
    if (attributes != null) {
      attributes.values().forEach(Text::checkJson);
    }
  }

  private void insertInternal(int index, String text, Map<String, Object> attributes) {
    Objects.requireNonNull(text, "text");
    checkAttributes(attributes);
    if (text.isEmpty()) {
      return;
    }
    if (deferred(() -> insertInternal(index, text, attributes))) {
      return;
    }
    checkIndex(index);
    transact(
        txn -> {
          TextPosition pos = TextPosition.find(txn, branch, index, attributes == null);
          Map<String, Object> attrs = attributes;
          if (attrs == null) {
            attrs = new LinkedHashMap<>(pos.currentAttributes);
          }
          TextOps.insertText(txn, branch, pos, text, attrs);
        });
  }

  /** Inserts an embed (a JSON-like value, or a prelim shared type). */
  public void insertEmbed(int index, Object embed, Map<String, Object> attributes) {
    Objects.requireNonNull(embed, "embed");
    if (!(embed instanceof AbstractType)) {
      checkJson(embed);
    }
    ListOps.checkInsertable(embed);
    checkAttributes(attributes);
    if (deferred(() -> insertEmbed(index, embed, attributes))) {
      return;
    }
    checkIndex(index);
    transact(
        txn -> {
          TextPosition pos = TextPosition.find(txn, branch, index, attributes == null);
          Object content = embed instanceof AbstractType t ? t.branch : embed;
          TextOps.insertText(txn, branch, pos, content, attributes == null ? Map.of() : attributes);
        });
  }

  /** Deletes {@code length} code units at {@code index}. */
  public void delete(int index, int length) {
    if (length == 0) {
      return;
    }
    if (deferred(() -> delete(index, length))) {
      return;
    }
    if (index < 0 || length < 0 || (long) index + length > branch.length) {
      throw new IndexOutOfBoundsException(
          "range ["
              + index
              + ", "
              + index
              + "+"
              + length
              + ") out of text length "
              + branch.length);
    }
    transact(txn -> TextOps.deleteText(txn, TextPosition.find(txn, branch, index, true), length));
  }

  /** Sets or removes (null value) formatting attributes on a range. */
  public void format(int index, int length, Map<String, Object> attributes) {
    Objects.requireNonNull(attributes, "attributes");
    checkAttributes(attributes);
    if (length == 0) {
      return;
    }
    if (deferred(() -> format(index, length, attributes))) {
      return;
    }
    transact(
        txn -> {
          TextPosition pos = TextPosition.find(txn, branch, index, false);
          if (pos.right == null) {
            return;
          }
          TextOps.formatText(txn, branch, pos, length, attributes);
        });
  }

  /** Sets an attribute of the text itself (not of a range). */
  public void setAttribute(String name, Object value) {
    if (deferred(() -> setAttribute(name, value))) {
      return;
    }
    transact(txn -> MapOps.set(txn, branch, name, value));
  }

  public void removeAttribute(String name) {
    if (deferred(() -> removeAttribute(name))) {
      return;
    }
    transact(txn -> MapOps.delete(txn, branch, name));
  }

  public Object getAttribute(String name) {
    return MapOps.get(branch, name);
  }

  public Map<String, Object> getAttributes() {
    return MapOps.getAll(branch);
  }

  /** Applies a Quill-style delta (Yjs applyDelta with sanitize = true). */
  public void applyDelta(List<Delta> delta) {
    Objects.requireNonNull(delta, "delta");
    if (deferred(() -> applyDelta(delta))) {
      return;
    }
    transact(
        txn -> {
          TextPosition currPos = TextPosition.start(branch);
          for (Delta op : delta) {
            Map<String, Object> attrs = op.attributes() == null ? Map.of() : op.attributes();
            if (op.insert() != null) {
              Object ins = op.insert() instanceof AbstractType t ? t.branch : op.insert();
              if (!(ins instanceof String s) || !s.isEmpty()) {
                TextOps.insertText(txn, branch, currPos, ins, attrs);
              }
            } else if (op.retain() != null) {
              TextOps.formatText(txn, branch, currPos, op.retain(), attrs);
            } else if (op.delete() != null) {
              TextOps.deleteText(txn, currPos, op.delete());
            }
          }
        });
  }

  /** The content as a Quill-style delta. */
  public List<Delta> toDelta() {
    return List.copyOf(TextDelta.ofContent(branch));
  }

  @Override
  public String toString() {
    return TextOps.toString(branch);
  }

  @Override
  public Object toJson() {
    return toString();
  }

  /** Listens to changes of this text. */
  public Subscription observe(Consumer<TextEvent> listener) {
    Objects.requireNonNull(listener, "listener");
    return addObserver(e -> listener.accept((TextEvent) e));
  }
}
