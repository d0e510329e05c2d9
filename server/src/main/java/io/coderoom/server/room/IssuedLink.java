package io.coderoom.server.room;

import io.coderoom.server.store.TokenRecord;

/**
 * A link just issued. The URL carries the signed token in its fragment (never sent to servers by
 * browsers); it is shown once to whoever issued it and never logged.
 *
 * @param token what was stored about the link
 * @param url the link to share
 */
public record IssuedLink(TokenRecord token, String url) {}
