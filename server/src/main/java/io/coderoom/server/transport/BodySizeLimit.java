package io.coderoom.server.transport;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Aggregates a request's body up to a limit, and refuses a larger one with 413 in the API's error
 * shape and the headers of every response, where Netty's aggregator would answer an empty 413.
 */
final class BodySizeLimit extends HttpObjectAggregator {
  BodySizeLimit(int maxBytes) {
    super(maxBytes);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized)
      throws Exception {
    if (!(oversized instanceof HttpRequest)) {
      super.handleOversizedMessage(ctx, oversized);
      return;
    }
    FullHttpResponse response =
        HttpResponses.error(
            HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
            "body_too_large",
            "Request bodies are limited to 1 MiB; send less.");
    HttpResponses.addSecurityHeaders(response.headers());
    // As Netty does: a request whose body is already here, or whose connection is not kept alive,
    // ends the connection; otherwise the rest of its body is read and dropped, and the connection
    // serves the next request (closing while the client still sends could lose the answer).
    if (oversized instanceof FullHttpMessage
        || !HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized)) {
      HttpUtil.setKeepAlive(response, false);
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }
  }
}
