package io.coderoom.loadtest;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpResponse;

/**
 * Reads the header with which a load balancer names the server instance it sent a socket to (for
 * HAProxy: {@code http-response set-header NAME %s}) from the handshake's response, before the
 * WebSocket handshake handler consumes it, then leaves the pipeline.
 */
final class LandedInstance extends ChannelInboundHandlerAdapter {
  private final String header;
  private final TypingClient client;

  LandedInstance(String header, TypingClient client) {
    this.header = header;
    this.client = client;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    if (message instanceof HttpResponse response) {
      String name = response.headers().get(header);
      client.landedOn(name == null ? "" : name);
      ctx.pipeline().remove(this);
    }
    ctx.fireChannelRead(message);
  }
}
