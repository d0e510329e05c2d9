package io.coderoom.crdt.internal.content;

import io.coderoom.crdt.internal.core.UpdateEncoderV1;
import java.util.Collections;
import java.util.List;

/** A JSON embed in a text. Yjs src/structs/ContentEmbed.js. */
public final class ContentEmbed implements Content {
  public final Object embed;

  public ContentEmbed(Object embed) {
    this.embed = embed;
  }

  @Override
  public long length() {
    return 1;
  }

  @Override
  public List<Object> getContent() {
    return Collections.singletonList(embed);
  }

  @Override
  public boolean countable() {
    return true;
  }

  @Override
  public Content copy() {
    return new ContentEmbed(embed);
  }

  @Override
  public Content splice(long offset) {
    throw new UnsupportedOperationException("ContentEmbed cannot be split");
  }

  @Override
  public boolean mergeWith(Content right) {
    return false;
  }

  @Override
  public void write(UpdateEncoderV1 encoder, long offset) {
    encoder.writeJSON(embed);
  }

  @Override
  public int ref() {
    return REF_EMBED;
  }
}
