package io.coderoom.server.transport;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;

/** Closes a connection when {@link io.netty.handler.timeout.IdleStateHandler} reports it idle. */
@Sharable
final class IdleCloser extends ChannelInboundHandlerAdapter {
  static final IdleCloser INSTANCE = new IdleCloser();

  private IdleCloser() {}

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent) {
      ctx.close();
    } else {
      super.userEventTriggered(ctx, event);
    }
  }
}
