package io.coderoom.crdt.internal.content;

import io.coderoom.crdt.encoding.Lib0Any;
import io.coderoom.crdt.internal.core.UpdateEncoderV1;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sub-document reference (guid and options). Sub-documents are kept as references only; their
 * content is not loaded. Yjs src/structs/ContentDoc.js.
 */
public final class ContentDoc implements Content {
  public final String guid;
  public final Map<String, Object> opts;

  /** Builds the content the way Yjs does: options normalised through a Doc's fields. */
  public ContentDoc(String guid, Object rawOpts) {
    this.guid = guid;
    Map<String, Object> o = new LinkedHashMap<>();
    Map<?, ?> raw = rawOpts instanceof Map<?, ?> m ? m : Map.of();
    // new Doc({ guid, ...opts }): gc defaults to true, meta to null, autoLoad to false
    Object gc = raw.containsKey("gc") ? raw.get("gc") : Lib0Any.UNDEFINED;
    if (gc != Lib0Any.UNDEFINED && !truthy(gc)) {
      o.put("gc", false);
    }
    Object autoLoad = raw.get("autoLoad");
    if (autoLoad != null && truthy(autoLoad)) {
      o.put("autoLoad", true);
    }
    Object meta = raw.containsKey("meta") ? raw.get("meta") : null;
    if (meta != null && meta != Lib0Any.UNDEFINED) {
      o.put("meta", meta);
    }
    this.opts = o;
  }

  static boolean truthy(Object v) {
    if (v == null || v == Lib0Any.UNDEFINED) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return d != 0 && !Double.isNaN(d);
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    return true;
  }

  @Override
  public long length() {
    return 1;
  }

  @Override
  public List<Object> getContent() {
    return Collections.singletonList(guid);
  }

  @Override
  public boolean countable() {
    return true;
  }

  @Override
  public Content copy() {
    return new ContentDoc(guid, opts);
  }

  @Override
  public Content splice(long offset) {
    throw new UnsupportedOperationException("ContentDoc cannot be split");
  }

  @Override
  public boolean mergeWith(Content right) {
    return false;
  }

  @Override
  public void write(UpdateEncoderV1 encoder, long offset) {
    encoder.writeString(guid);
    encoder.writeAny(opts);
  }

  @Override
  public int ref() {
    return REF_DOC;
  }
}
