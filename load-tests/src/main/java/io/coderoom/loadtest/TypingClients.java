package io.coderoom.loadtest;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** Connects {@link TypingClient}s over Netty: a few event loops carry thousands of sockets. */
final class TypingClients implements AutoCloseable {
  private static final int MAX_MESSAGE = 16 << 20;

  private final EventLoopGroup loops;
  private final String instanceHeader;

  /**
   * @param instanceHeader the handshake response's header that names the server instance a socket
   *     reached (set by a load balancer), or null
   */
  TypingClients(int threads, String instanceHeader) {
    loops = new MultiThreadIoEventLoopGroup(threads, EpollIoHandler.newFactory());
    this.instanceHeader = instanceHeader;
  }

  /** Opens {@code client}'s socket to {@code uri}; completes once the document has synced. */
  CompletableFuture<Void> connect(URI uri, TypingClient client) {
    WebSocketClientProtocolConfig config =
        WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .maxFramePayloadLength(MAX_MESSAGE)
            .handshakeTimeoutMillis(30_000)
            .build();
    new Bootstrap()
        .group(loops)
        .channel(EpollSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel channel) {
                channel
                    .pipeline()
                    .addLast(new HttpClientCodec())
                    .addLast(new HttpObjectAggregator(65_536));
                if (instanceHeader != null) {
                  channel.pipeline().addLast(new LandedInstance(instanceHeader, client));
                }
                channel
                    .pipeline()
                    .addLast(new WebSocketClientProtocolHandler(config))
                    .addLast(new WebSocketFrameAggregator(MAX_MESSAGE))
                    .addLast(client);
              }
            })
        .connect(uri.getHost(), uri.getPort())
        .addListener(
            connected -> {
              if (!connected.isSuccess()) {
                client.synced.completeExceptionally(connected.cause());
              }
            });
    return client.synced;
  }

  @Override
  public void close() {
    loops.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }
}
