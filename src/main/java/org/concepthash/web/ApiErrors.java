package org.concepthash.web;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.validation.ConstraintViolationException;
import org.concepthash.accounts.AccountException;
import org.concepthash.accounts.RateLimitedException;
import org.concepthash.catalog.CatalogException;
import org.concepthash.catalog.ErrorKind;
import org.concepthash.catalog.ingest.IngestRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every API error as {@code {"error": "..."}} with a fitting status. Global {@code @Error} routes
 * rather than ExceptionHandler beans: with micronaut-servlet 4.9 (the newest served here) on core
 * 4.10, only controller routes carry a body writer for the servlet response.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  static HttpResponse<ApiError> error(HttpStatus status, String message) {
    return HttpResponse.<ApiError>status(status).body(new ApiError(message));
  }

  private static HttpStatus statusOf(ErrorKind kind) {
    return switch (kind) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
      case INVALID -> HttpStatus.BAD_REQUEST;
    };
  }

  @Error(global = true)
  HttpResponse<ApiError> catalog(CatalogException e) {
    return error(statusOf(e.kind()), e.getMessage());
  }

  /**
   * Security refused the request: 401 without (valid) credentials, 403 when the role is not enough.
   */
  @Error(global = true)
  HttpResponse<ApiError> authorization(AuthorizationException e) {
    if (e.isForbidden()) {
      return error(
          HttpStatus.FORBIDDEN,
          "the role of '" + e.getAuthentication().getName() + "' does not allow this");
    }
    return HttpResponse.<ApiError>status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .body(
            new ApiError(
                "sign in first: POST /api/login, then send Authorization: Bearer <token>"));
  }

  @Error(global = true)
  HttpResponse<ApiError> rateLimited(RateLimitedException e) {
    return HttpResponse.<ApiError>status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
        .body(new ApiError(e.getMessage()));
  }

  @Error(global = true)
  HttpResponse<ApiError> account(AccountException e) {
    return error(statusOf(e.kind()), e.getMessage());
  }

  @Error(global = true)
  HttpResponse<ApiError> refused(IngestRefusedException e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @Error(global = true)
  HttpResponse<ApiError> invalid(IllegalArgumentException e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @Error(global = true)
  HttpResponse<ApiError> unsatisfied(UnsatisfiedRouteException e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @Error(global = true)
  HttpResponse<ApiError> conversion(ConversionErrorException e) {
    return error(HttpStatus.BAD_REQUEST, "invalid value for '" + e.getArgument().getName() + "'");
  }

  /**
   * Unreadable JSON, or a record whose constructor refused the values (e.g. a blank class name).
   */
  @Error(global = true)
  HttpResponse<ApiError> unreadableBody(CodecException e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    String reason =
        cause instanceof IllegalArgumentException ? cause.getMessage() : "malformed request body";
    return error(HttpStatus.BAD_REQUEST, reason);
  }

  @Error(global = true)
  HttpResponse<ApiError> constraint(ConstraintViolationException e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @Error(global = true)
  HttpResponse<ApiError> status(HttpStatusException e) {
    return error(e.getStatus(), e.getMessage());
  }

  @Error(global = true, status = HttpStatus.NOT_FOUND)
  HttpResponse<ApiError> notFound(HttpRequest<?> request) {
    return error(HttpStatus.NOT_FOUND, "no such resource: " + request.getPath());
  }

  @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
  HttpResponse<ApiError> methodNotAllowed(HttpRequest<?> request) {
    return error(
        HttpStatus.METHOD_NOT_ALLOWED,
        request.getMethod() + " is not allowed on " + request.getPath());
  }

  @Error(global = true, status = HttpStatus.UNSUPPORTED_MEDIA_TYPE)
  HttpResponse<ApiError> unsupportedMediaType(HttpRequest<?> request) {
    return error(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported content type for " + request.getPath());
  }

  @Error(global = true)
  HttpResponse<ApiError> unexpected(HttpRequest<?> request, Throwable e) {
    var refusal = MultipartRefusal.of(e);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    LOG.error("{} {} failed", request.getMethod(), request.getPath(), e);
    return error(
        HttpStatus.INTERNAL_SERVER_ERROR, "internal error: " + e.getClass().getSimpleName());
  }
}
