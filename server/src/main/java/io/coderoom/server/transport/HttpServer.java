package io.coderoom.server.transport;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.opentelemetry.api.OpenTelemetry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening socket and its event loops: epoll where the platform has it, NIO elsewhere. One
 * acceptor thread, and one worker loop per core.
 */
public final class HttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

  /** Past 256 KiB queued a channel is unwritable; writers stop until it drains below 64 KiB. */
  private static final WriteBufferWaterMark WATER_MARK =
      new WriteBufferWaterMark(64 * 1024, 256 * 1024);

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Channel channel;
  private final ChannelGroup connections;
  private final Duration shutdownGrace;

  private HttpServer(
      EventLoopGroup boss,
      EventLoopGroup workers,
      Channel channel,
      ChannelGroup connections,
      Duration shutdownGrace) {
    this.boss = boss;
    this.workers = workers;
    this.channel = channel;
    this.connections = connections;
    this.shutdownGrace = shutdownGrace;
  }

  /** Binds the address and starts serving; blocks until bound, so call it before serving. */
  public static HttpServer start(
      String host,
      int port,
      Router router,
      WebSocketEndpoint sockets,
      OpenTelemetry openTelemetry,
      MeterRegistry meters,
      RequestLimits limits,
      TrustedProxies proxies,
      CrossSiteGuard crossSite,
      EventLoopGroup workers,
      Duration shutdownGrace,
      ConnectionTimeouts timeouts)
      throws InterruptedException {
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, ioHandlerFactory());
    ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    try {
      Channel channel =
          new ServerBootstrap()
              .group(boss, workers)
              .channel(serverChannelType())
              .option(ChannelOption.SO_BACKLOG, 1024)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childOption(ChannelOption.ALLOCATOR, ByteBufAllocator.DEFAULT)
              .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
              .childHandler(
                  new HttpChannelInitializer(
                      new HttpRequestHandler(router, openTelemetry, meters, limits, proxies),
                      crossSite,
                      sockets,
                      timeouts,
                      proxies,
                      connections))
              .bind(new InetSocketAddress(host, port))
              .sync()
              .channel();
      return new HttpServer(boss, workers, channel, connections, shutdownGrace);
    } catch (InterruptedException | RuntimeException e) {
      boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw e;
    }
  }

  /**
   * Worker event loops, created before the server so other parts can use them: by default one per
   * core, not Netty's default of two, since they only compute (blocking work runs elsewhere) and a
   * second thread per core would only add switches and cross-thread handoffs between a room's
   * sockets.
   */
  public static EventLoopGroup newWorkerGroup(int loops) {
    return new MultiThreadIoEventLoopGroup(loops, ioHandlerFactory());
  }

  public InetSocketAddress localAddress() {
    return (InetSocketAddress) channel.localAddress();
  }

  /**
   * Stops accepting, tells every open socket to reconnect (1012), waits for their closing
   * handshakes, then lets requests in flight finish within the grace period. A socket closed by the
   * event loops' shutdown would see an abnormal closure (1006) instead, and what it sent last would
   * be cut off unread.
   */
  @Override
  public void close() {
    channel.close().awaitUninterruptibly();
    long graceMs = shutdownGrace.toMillis();
    for (Channel connection : connections) {
      if (connection.pipeline().get("ws-control") != null) {
        connection
            .eventLoop()
            .execute(
                () ->
                    WebSocketClosing.start(
                        connection, CloseCode.SERVICE_RESTART, "The server is restarting."));
      }
    }
    // Each handshake cuts its peer off after WebSocketClosing.GRACE_MILLIS; a little more covers
    // the close itself.
    connections
        .newCloseFuture(connection -> connection.pipeline().get("ws-control") != null)
        .awaitUninterruptibly(Math.min(graceMs, WebSocketClosing.GRACE_MILLIS + 500));
    boss.shutdownGracefully(0, graceMs, TimeUnit.MILLISECONDS);
    workers.shutdownGracefully(100, graceMs, TimeUnit.MILLISECONDS).awaitUninterruptibly();
    boss.terminationFuture().awaitUninterruptibly();
    log.debug("http server on {} closed", channel.localAddress());
  }

  private static IoHandlerFactory ioHandlerFactory() {
    return Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
  }

  private static Class<? extends ServerChannel> serverChannelType() {
    return Epoll.isAvailable() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  /** The type of the connections this server opens itself, matching its event loops. */
  public static Class<? extends Channel> clientChannelType() {
    return Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class;
  }
}
