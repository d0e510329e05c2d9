package io.coderoom.server.transport;

import io.coderoom.server.Futures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the HTTP pipeline: routes each request (unless its address is over a rate limit),
 * wraps it in a server span and a timer, and writes the endpoint's response back on the
 * connection's event loop.
 */
@Sharable
final class HttpRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger log = LoggerFactory.getLogger(HttpRequestHandler.class);

  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
  private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
  private static final AttributeKey<Long> STATUS =
      AttributeKey.longKey("http.response.status_code");

  private final Router router;
  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final MeterRegistry meters;
  private final RequestLimits limits;
  private final TrustedProxies proxies;
  private final PeerForwarding forwarding = new PeerForwarding();

  HttpRequestHandler(
      Router router,
      OpenTelemetry openTelemetry,
      MeterRegistry meters,
      RequestLimits limits,
      TrustedProxies proxies) {
    this.router = router;
    this.tracer = openTelemetry.getTracer("io.coderoom.server");
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    this.meters = meters;
    this.limits = limits;
    this.proxies = proxies;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest message) {
    long startNanos = System.nanoTime();
    if (!message.decoderResult().isSuccess()) {
      FullHttpResponse response =
          HttpResponses.error(
              HttpResponseStatus.BAD_REQUEST, "bad_request", "The request is not valid HTTP.");
      HttpResponses.addSecurityHeaders(response.headers());
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    Request parsed = Request.received(message, ctx.channel().remoteAddress(), proxies);
    Router.Match match = router.match(parsed.method(), parsed.path());
    Request request = parsed.routed(match.route(), match.pathParameters());
    Span span = startSpan(request, match.route());
    CompletionStage<FullHttpResponse> pending;
    Optional<FullHttpResponse> refused = limits.admit(request, match.route());
    if (refused.isPresent()) {
      pending = CompletableFuture.completedFuture(refused.get());
    } else {
      try (Scope ignored = span.makeCurrent()) {
        pending = match.endpoint().handle(request);
      } catch (RuntimeException e) {
        pending = CompletableFuture.failedFuture(e);
      }
      pending = pending.exceptionallyCompose(error -> elsewhere(request, error));
    }
    pending.whenComplete(
        (response, error) -> {
          if (ctx.executor().inEventLoop()) {
            respond(ctx, request, match.route(), span, startNanos, response, error);
          } else {
            ctx.executor()
                .execute(
                    () -> respond(ctx, request, match.route(), span, startNanos, response, error));
          }
        });
  }

  /** What another instance holds is answered there (see {@link HeldElsewhere}). */
  private CompletionStage<FullHttpResponse> elsewhere(Request request, Throwable error) {
    if (!(Futures.cause(error) instanceof HeldElsewhere held)) {
      return CompletableFuture.failedStage(error);
    }
    return PeerForwarding.isForwarded(request)
        ? CompletableFuture.completedStage(PeerForwarding.moving())
        : forwarding.forward(held.address(), request);
  }

  private Span startSpan(Request request, String route) {
    Context parent = propagator.extract(Context.root(), request.headers(), HeaderGetter.INSTANCE);
    return tracer
        .spanBuilder(request.method().name() + " " + route)
        .setParent(parent)
        .setSpanKind(SpanKind.SERVER)
        .setAttribute(METHOD, request.method().name())
        .setAttribute(PATH, request.path())
        .setAttribute(ROUTE, route)
        .startSpan();
  }

  private void respond(
      ChannelHandlerContext ctx,
      Request request,
      String route,
      Span span,
      long startNanos,
      FullHttpResponse response,
      Throwable error) {
    if (error != null && Futures.cause(error) instanceof RateLimited limited) {
      response = limited.toResponse();
      error = null;
    }
    if (error != null || response == null) {
      log.error("{} {} {} failed", ctx.channel().id(), request.method(), request.path(), error);
      if (error != null) {
        span.recordException(error);
      }
      response = HttpResponses.internalError();
    }
    if (request.method().equals(HttpMethod.HEAD)) {
      // Same headers (Content-Length included) as GET, no body.
      FullHttpResponse headOnly = response.replace(Unpooled.EMPTY_BUFFER);
      response.release();
      response = headOnly;
    }
    HttpResponses.addSecurityHeaders(response.headers());

    limits.answered(request, response.status());
    int status = response.status().code();
    span.setAttribute(STATUS, (long) status);
    if (status >= 500) {
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
    Timer.builder("http.server.requests")
        .description("HTTP requests by route and status")
        .tag("method", request.method().name())
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .register(meters)
        .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);

    if (ctx.channel().isActive()) {
      ctx.writeAndFlush(response, ctx.voidPromise());
    } else {
      response.release();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException) {
      // Resets and broken pipes are how clients leave; nothing to report.
      log.debug("{} connection error: {}", ctx.channel().id(), cause.toString());
    } else {
      log.warn("{} closing connection after error", ctx.channel().id(), cause);
    }
    ctx.close();
  }

  /** Reads W3C trace context from request headers. */
  private enum HeaderGetter implements TextMapGetter<HttpHeaders> {
    INSTANCE;

    @Override
    public Iterable<String> keys(HttpHeaders headers) {
      return headers.names();
    }

    @Override
    public String get(HttpHeaders headers, String key) {
      return headers == null ? null : headers.get(key);
    }
  }
}
