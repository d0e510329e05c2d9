package io.coderoom.server.transport;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.QueryStringEncoder;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request copied off Netty's buffers, so endpoints may finish it on another thread after
 * the pooled request has been released.
 *
 * @param method the request method
 * @param path the decoded path, without the query
 * @param query the decoded query parameters
 * @param headers a copy of the request headers
 * @param body the request body
 * @param pathParameters segments captured by the route's path template
 * @param route the path template the request was routed by (empty before routing)
 * @param client the address of the client it comes from (see {@link TrustedProxies}); empty for a
 *     connection without an IP address
 */
public record Request(
    HttpMethod method,
    String path,
    Map<String, List<String>> query,
    HttpHeaders headers,
    byte[] body,
    Map<String, String> pathParameters,
    String route,
    Optional<InetAddress> client) {

  /**
   * A copy of a request received on a connection from {@code peer}, with its client's address as
   * {@code proxies} decide it: HTTP requests and WebSocket upgrades both come through here.
   */
  static Request received(FullHttpRequest request, SocketAddress peer, TrustedProxies proxies) {
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    return new Request(
        request.method(),
        uri.path(),
        Map.copyOf(uri.parameters()),
        request.headers().copy(),
        ByteBufUtil.getBytes(request.content()),
        Map.of(),
        "",
        proxies.client(peer, request.headers()));
  }

  /** The request as routed: the template that matched it and the segments it captured. */
  Request routed(String template, Map<String, String> captured) {
    return new Request(method, path, query, headers, body, Map.copyOf(captured), template, client);
  }

  /** A segment the route template captured, such as {@code id} in {@code /api/rooms/{id}}. */
  public String pathParameter(String name) {
    String value = pathParameters.get(name);
    if (value == null) {
      throw new IllegalArgumentException("the route has no path parameter " + name);
    }
    return value;
  }

  /** The path with its query, encoded again: the request as another server is sent it. */
  public String pathAndQuery() {
    QueryStringEncoder encoder = new QueryStringEncoder(path);
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      for (String value : parameter.getValue()) {
        encoder.addParam(parameter.getKey(), value);
      }
    }
    return encoder.toString();
  }

  /** The first value of a query parameter. */
  public Optional<String> queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
