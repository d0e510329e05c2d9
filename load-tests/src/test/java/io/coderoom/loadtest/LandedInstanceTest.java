package io.coderoom.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LandedInstanceTest {
  @Test
  void readsTheInstanceFromTheHandshakeResponseAndPassesItOn() {
    TypingClient client =
        new TypingClient(
            0, new Framing.Plain(), new Deliveries(), new AtomicLong(), new AtomicLong());
    EmbeddedChannel channel = new EmbeddedChannel(new LandedInstance("X-Instance", client));
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.SWITCHING_PROTOCOLS);
    response.headers().set("X-Instance", "instance-2");

    channel.writeInbound(response);

    assertThat(client.instance()).isEqualTo("instance-2");
    FullHttpResponse passed = channel.readInbound();
    assertThat(passed).isSameAs(response);
    passed.release();
    assertThat(channel.pipeline().get(LandedInstance.class)).isNull();
    assertFalse(channel.finish());
  }
}
