package io.coderoom.crdt.internal.content;

import io.coderoom.crdt.encoding.Lib0Any;
import io.coderoom.crdt.encoding.Lib0Exception;
import io.coderoom.crdt.internal.core.UpdateDecoderV1;
import io.coderoom.crdt.internal.types.Branch;
import io.coderoom.crdt.internal.types.TypeRefs;
import java.util.ArrayList;
import java.util.List;

/** Content readers by content ref. Yjs contentRefs / readItemContent (src/structs/Item.js). */
public final class Contents {
  private Contents() {}

  public static Content read(UpdateDecoderV1 decoder, int info) {
    int ref = info & 0x1F;
    return switch (ref) {
      case Content.REF_DELETED -> new ContentDeleted(positive(decoder.readLen()));
      case Content.REF_JSON -> readJson(decoder);
      case Content.REF_BINARY -> new ContentBinary(decoder.readBuf());
      case Content.REF_STRING -> {
        String s = decoder.readString();
        if (s.isEmpty()) {
          throw new Lib0Exception("empty string content");
        }
        yield new ContentString(s);
      }
      case Content.REF_EMBED -> new ContentEmbed(decoder.readJSON());
      case Content.REF_FORMAT -> new ContentFormat(decoder.readKey(), decoder.readJSON());
      case Content.REF_TYPE -> new ContentType(readType(decoder));
      case Content.REF_ANY -> readAny(decoder);
      case Content.REF_DOC -> new ContentDoc(decoder.readString(), decoder.readAny());
      default -> throw new Lib0Exception("unknown content ref " + ref);
    };
  }

  private static long positive(long len) {
    if (len <= 0) {
      throw new Lib0Exception("zero-length content");
    }
    return len;
  }

  private static Branch readType(UpdateDecoderV1 decoder) {
    long typeRef = decoder.readTypeRef();
    if (typeRef < 0 || typeRef > Branch.YXML_TEXT) {
      throw new Lib0Exception("unknown type ref " + typeRef);
    }
    int t = (int) typeRef;
    String name = null;
    if (t == Branch.YXML_ELEMENT || t == Branch.YXML_HOOK) {
      name = decoder.readKey();
    }
    return TypeRefs.create(t, name);
  }

  private static ContentJSON readJson(UpdateDecoderV1 decoder) {
    long len = positive(decoder.readLen());
    if (len > decoder.rest().remaining()) {
      throw new Lib0Exception("Unexpected end of array");
    }
    List<Object> cs = new ArrayList<>((int) len);
    for (long i = 0; i < len; i++) {
      String c = decoder.readString();
      if (c.equals("undefined")) {
        cs.add(Lib0Any.UNDEFINED);
      } else {
        try {
          cs.add(JsonParser.parse(c));
        } catch (IllegalArgumentException e) {
          throw new Lib0Exception("invalid JSON content: " + e.getMessage());
        }
      }
    }
    return new ContentJSON(cs);
  }

  private static ContentAny readAny(UpdateDecoderV1 decoder) {
    long len = positive(decoder.readLen());
    if (len > decoder.rest().remaining()) {
      throw new Lib0Exception("Unexpected end of array");
    }
    ArrayList<Object> cs = new ArrayList<>((int) len);
    for (long i = 0; i < len; i++) {
      cs.add(decoder.readAny());
    }
    return new ContentAny(cs);
  }
}
