package io.coderoom.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PreFramedTest {
  @Test
  void framesExactlyAsNettysServerEncoderDoesForEveryLengthClass() {
    Random random = new Random(7);
    for (int length : new int[] {0, 1, 125, 126, 1000, 65_535, 65_536, 300_000}) {
      byte[] payload = new byte[length];
      random.nextBytes(payload);
      EmbeddedChannel encoder = new EmbeddedChannel(new WebSocket13FrameEncoder(false));
      encoder.writeOutbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(payload)));
      ByteBuf expected = Unpooled.buffer();
      for (ByteBuf part; (part = encoder.readOutbound()) != null; part.release()) {
        expected.writeBytes(part);
      }
      ByteBuf framed = PreFramed.binary(payload);
      try {
        assertThat(ByteBufUtil.getBytes(framed))
            .as("length %d", length)
            .isEqualTo(ByteBufUtil.getBytes(expected));
      } finally {
        framed.release();
        expected.release();
        encoder.finishAndReleaseAll();
      }
    }
  }
}
