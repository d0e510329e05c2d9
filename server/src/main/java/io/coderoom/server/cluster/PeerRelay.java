package io.coderoom.server.cluster;

import io.coderoom.server.transport.ForwardedFor;
import io.coderoom.server.transport.HttpServer;
import io.coderoom.server.transport.Request;
import io.coderoom.server.transport.WebSocketEndpoint;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Forwards a socket to the instance that owns its room (see {@link RoomOwnership}): opens the same
 * socket there, as the client asked for it (path, query, origin and cookies), and once the owner
 * has accepted the handshake, splices the two (see {@link RelayedSocket}). The owner admits the
 * socket as if the client had come to it directly, so roles, quotas, kicks and revocations need no
 * cluster-wide copy: closing the owner's socket closes the client's, on whichever instance it is.
 * To the owner the socket comes from this instance, so the client's address goes with it ({@link
 * ForwardedFor#toPeer}).
 */
public final class PeerRelay {
  private static final int CONNECT_TIMEOUT_MS = 2_000;
  private static final long HANDSHAKE_TIMEOUT_MS = 5_000;

  /** Headers of the client's upgrade that the owner's admission reads. */
  private static final List<CharSequence> FORWARDED =
      List.of(
          HttpHeaderNames.ORIGIN,
          HttpHeaderNames.COOKIE,
          HttpHeaderNames.USER_AGENT,
          "Sec-Fetch-Site");

  /**
   * Opens the client's socket at the owner; completes with the admission that splices the client's
   * socket to it, or exceptionally when the owner cannot be reached.
   *
   * @param loop the client's connection's event loop, which the connection to the owner joins: the
   *     two halves of the splice then hand each message over on one thread, with no task queued to
   *     another loop (and no wakeup of it) per message
   */
  public CompletionStage<WebSocketEndpoint.Admission> relay(
      String owner, Request request, EventLoop loop) {
    URI uri = URI.create("ws://" + owner + request.pathAndQuery());
    HttpHeaders headers = new DefaultHttpHeaders();
    for (CharSequence name : FORWARDED) {
      String value = request.headers().get(name);
      if (value != null) {
        headers.set(name, value);
      }
    }
    ForwardedFor.toPeer(request).ifPresent(client -> headers.set(ForwardedFor.HEADER, client));
    WebSocketClientProtocolConfig config =
        WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .version(WebSocketVersion.V13)
            .customHeaders(headers)
            // The owner's cross-site check must see the client's Origin, or none: Netty would
            // otherwise name the owner's own address, which is not the site's when the owner
            // listens on 0.0.0.0 or has a public URL, and a client without Origin is refused.
            .generateOriginHeader(false)
            .maxFramePayloadLength(WebSocketEndpoint.MAX_MESSAGE_BYTES)
            // Close frames are the client's to see: the relay passes them on with their code.
            .handleCloseFrames(false)
            .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MS)
            .build();
    CompletableFuture<WebSocketEndpoint.Admission> admission = new CompletableFuture<>();
    RelayedSocket relayed = new RelayedSocket(admission);
    ChannelFuture connected =
        new Bootstrap()
            .group(loop)
            .channel(HttpServer.clientChannelType())
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(
                new ChannelInitializer<>() {
                  @Override
                  protected void initChannel(Channel channel) {
                    channel
                        .pipeline()
                        .addLast(new HttpClientCodec())
                        .addLast(new HttpObjectAggregator(8192))
                        .addLast(new WebSocketClientProtocolHandler(config))
                        .addLast(new WebSocketFrameAggregator(WebSocketEndpoint.MAX_MESSAGE_BYTES))
                        .addLast(relayed.ownerSide());
                  }
                })
            .connect(uri.getHost(), uri.getPort());
    connected.addListener(
        done -> {
          if (!done.isSuccess()) {
            admission.completeExceptionally(done.cause());
          }
        });
    return admission;
  }
}
