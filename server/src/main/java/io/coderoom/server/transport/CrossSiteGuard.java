package io.coderoom.server.transport;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Refuses what another site's page could make a browser do with our cookie: a state-changing
 * request that carries a cookie must come from one of our origins (its {@code Origin} header, or
 * {@code Sec-Fetch-Site: same-origin} where a browser sent no Origin), and a WebSocket upgrade that
 * names an origin must name ours (cross-site WebSocket hijacking). Requests without cookies (the
 * API key, API tokens, room links) and upgrades without an {@code Origin} (clients that are not
 * browsers) pass: no browser sends them on another site's behalf. Refusals are {@code 403} before
 * any endpoint runs.
 */
@Sharable
public final class CrossSiteGuard extends ChannelInboundHandlerAdapter {
  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD);

  private final Supplier<URI> publicUrl;
  private final List<URI> alsoAllowed;

  public CrossSiteGuard(Supplier<URI> publicUrl, List<URI> alsoAllowed) {
    this.publicUrl = publicUrl;
    this.alsoAllowed = List.copyOf(alsoAllowed);
  }

  /** Allows every origin: for servers that hand out no cookies. */
  public static CrossSiteGuard none() {
    return new CrossSiteGuard(null, List.of());
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof FullHttpRequest request && publicUrl != null) {
      Optional<String> refusal = refusal(request);
      if (refusal.isPresent()) {
        FullHttpResponse response =
            HttpResponses.error(HttpResponseStatus.FORBIDDEN, "cross_origin", refusal.get());
        HttpResponses.addSecurityHeaders(response.headers());
        boolean keepAlive = HttpUtil.isKeepAlive(request) && !isUpgrade(request);
        ReferenceCountUtil.release(request);
        if (keepAlive) {
          ctx.writeAndFlush(response);
        } else {
          ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
        return;
      }
    }
    ctx.fireChannelRead(msg);
  }

  private Optional<String> refusal(FullHttpRequest request) {
    String origin = request.headers().get(HttpHeaderNames.ORIGIN);
    if (isUpgrade(request)) {
      return origin == null || allowed(origin)
          ? Optional.empty()
          : Optional.of("This server's sockets open only from its own pages.");
    }
    if (SAFE.contains(request.method()) || !request.headers().contains(HttpHeaderNames.COOKIE)) {
      return Optional.empty();
    }
    if (origin != null) {
      return allowed(origin)
          ? Optional.empty()
          : Optional.of("A request with this server's cookie must come from its own pages.");
    }
    String fetchSite = request.headers().get("Sec-Fetch-Site");
    return "same-origin".equals(fetchSite)
        ? Optional.empty()
        : Optional.of("A request with this server's cookie must say where it comes from (Origin).");
  }

  /** True when the origin is the public URL's or one of the configured others. */
  boolean allowed(String origin) {
    String normalized = normalize(origin);
    if (normalized.equals(normalize(publicUrl.get().toString()))) {
      return true;
    }
    return alsoAllowed.stream().anyMatch(uri -> normalized.equals(normalize(uri.toString())));
  }

  /** {@code scheme://host[:port]}, lower case, without a default port or a path. */
  static String normalize(String url) {
    URI uri;
    try {
      uri = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      return "invalid";
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      return "invalid";
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
    return scheme
        + "://"
        + uri.getHost().toLowerCase(Locale.ROOT)
        + (defaultPort ? "" : ":" + port);
  }

  private static boolean isUpgrade(FullHttpRequest request) {
    return request
        .headers()
        .containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
  }
}
