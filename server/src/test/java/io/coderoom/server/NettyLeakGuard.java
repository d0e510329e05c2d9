package io.coderoom.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails a test class when Netty reports a leaked buffer ("LEAK:"). Leaks are reported when the
 * leaked buffer is collected and a later allocation is tracked, so the guard collects garbage and
 * allocates before it looks.
 */
public final class NettyLeakGuard implements BeforeAllCallback, AfterAllCallback {
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @Override
  public void beforeAll(ExtensionContext context) {
    assertThat(ResourceLeakDetector.getLevel())
        .as("tests run with -Dio.netty.leakDetection.level=paranoid")
        .isEqualTo(ResourceLeakDetector.Level.PARANOID);
    appender.start();
    leakLogger().addAppender(appender);
  }

  @Override
  public void afterAll(ExtensionContext context) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
      ByteBuf probe = ByteBufAllocator.DEFAULT.buffer(16);
      probe.release();
    }
    leakLogger().detachAppender(appender);
    List<String> leaks =
        appender.list.stream()
            .map(ILoggingEvent::getFormattedMessage)
            .filter(message -> message.contains("LEAK:"))
            .toList();
    assertThat(leaks).as("Netty buffer leaks").isEmpty();
  }

  private static Logger leakLogger() {
    return (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
  }
}
