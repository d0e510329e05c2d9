package io.coderoom.server.account.passkey;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Who passkeys are made for: the public URL's host is the WebAuthn relying party id (a browser
 * offers a passkey only to that site), and its origin is the one a response must come from.
 */
public record RelyingParty(String id, String origin) {
  public RelyingParty {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(origin, "origin");
  }

  /** The relying party of a server reached at this public URL. */
  public static RelyingParty of(URI publicUrl) {
    String scheme = publicUrl.getScheme().toLowerCase(Locale.ROOT);
    String host = publicUrl.getHost().toLowerCase(Locale.ROOT);
    int port = publicUrl.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("https") && port == 443)
            || (scheme.equals("http") && port == 80);
    String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    String origin = scheme + "://" + hostPart + (defaultPort ? "" : ":" + port);
    return new RelyingParty(host, origin);
  }
}
