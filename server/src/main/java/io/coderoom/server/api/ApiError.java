package io.coderoom.server.api;

import io.coderoom.server.auth.TokenException;
import io.coderoom.server.transport.HttpResponses;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;

/** A request the API refuses, with the status, the error code and a sentence for the user. */
public final class ApiError extends RuntimeException {
  private final HttpResponseStatus status;
  private final String code;

  public ApiError(HttpResponseStatus status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public static ApiError badRequest(String code, String message) {
    return new ApiError(HttpResponseStatus.BAD_REQUEST, code, message);
  }

  public static ApiError unauthorized(String message) {
    return new ApiError(HttpResponseStatus.UNAUTHORIZED, "unauthorized", message);
  }

  public static ApiError forbidden(String message) {
    return new ApiError(HttpResponseStatus.FORBIDDEN, "forbidden", message);
  }

  public static ApiError notFound(String message) {
    return new ApiError(HttpResponseStatus.NOT_FOUND, "not_found", message);
  }

  /** The error for a credential that does not open a room. */
  public static ApiError of(TokenException e) {
    HttpResponseStatus status = HttpResponseStatus.valueOf(e.reason().httpStatus());
    return new ApiError(status, e.reason().code(), e.reason().message());
  }

  /** The error code the response carries, such as {@code not_found}. */
  public String code() {
    return code;
  }

  public FullHttpResponse toResponse() {
    FullHttpResponse response = HttpResponses.error(status, code, getMessage());
    if (status.equals(HttpResponseStatus.UNAUTHORIZED)) {
      response.headers().set("WWW-Authenticate", "Bearer realm=\"coderoom\"");
    }
    return response;
  }
}
