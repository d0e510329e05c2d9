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
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
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
  private final Duration shutdownGrace;

  private HttpServer(
      EventLoopGroup boss, EventLoopGroup workers, Channel channel, Duration shutdownGrace) {
    this.boss = boss;
    this.workers = workers;
    this.channel = channel;
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
      CrossSiteGuard crossSite,
      EventLoopGroup workers,
      Duration shutdownGrace,
      ConnectionTimeouts timeouts)
      throws InterruptedException {
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, ioHandlerFactory());
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
                      new HttpRequestHandler(router, openTelemetry, meters, limits),
                      crossSite,
                      sockets,
                      timeouts))
              .bind(new InetSocketAddress(host, port))
              .sync()
              .channel();
      return new HttpServer(boss, workers, channel, shutdownGrace);
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

  /** Stops accepting, then lets requests in flight finish within the grace period. */
  @Override
  public void close() {
    channel.close().awaitUninterruptibly();
    long graceMs = shutdownGrace.toMillis();
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
}
