package io.coderoom.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class WebSocketUpgradeHandlerTest {
  private static final String UPGRADE =
      """
      GET /ws/rooms/r1/code HTTP/1.1\r
      Host: localhost\r
      Upgrade: websocket\r
      Connection: Upgrade\r
      Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r
      Sec-WebSocket-Version: 13\r
      \r
      """;

  @Test
  void anAdmissionThatNeverReturnsHoldsNoBuffer() {
    EmbeddedChannel channel =
        new EmbeddedChannel(
            new WebSocketUpgradeHandler(
                (request, loop) -> new CompletableFuture<>(),
                TrustedProxies.none(),
                Duration.ofSeconds(30)));
    FullHttpRequest request =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1, HttpMethod.GET, "/ws/rooms/r1/code", Unpooled.buffer(8));
    request.headers().set("Upgrade", "websocket").set("Connection", "Upgrade");

    channel.writeInbound(request);

    assertThat(request.refCnt()).as("the pooled request is released at once").isZero();
    assertThat(channel.config().isAutoRead()).as("no frame is read before admission").isFalse();
    channel.finishAndReleaseAll();
  }

  @Test
  void aRefusedUpgradeCompletesTheHandshakeThenCloses() {
    EmbeddedChannel channel =
        new EmbeddedChannel(
            new HttpServerCodec(),
            new HttpObjectAggregator(1 << 16),
            new WebSocketUpgradeHandler(
                (request, loop) ->
                    CompletableFuture.completedFuture(
                        new WebSocketEndpoint.Refuse(CloseCode.NOT_FOUND, "No such room.")),
                TrustedProxies.none(),
                Duration.ofSeconds(30)));

    channel.writeInbound(Unpooled.copiedBuffer(UPGRADE, StandardCharsets.US_ASCII));
    channel.runPendingTasks();

    ByteBuf handshake = channel.readOutbound();
    try {
      assertThat(handshake.toString(StandardCharsets.US_ASCII))
          .startsWith("HTTP/1.1 101 Switching Protocols")
          .contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    } finally {
      handshake.release();
    }
    ByteBuf close = channel.readOutbound();
    try {
      // A close frame (opcode 8) carrying 4404 and the reason.
      assertThat(close.getByte(0) & 0x0f).isEqualTo(8);
      assertThat(close.getUnsignedShort(2)).isEqualTo(4404);
    } finally {
      close.release();
    }
    assertThat(channel.config().isAutoRead()).isTrue();
    channel.finishAndReleaseAll();
  }
}
