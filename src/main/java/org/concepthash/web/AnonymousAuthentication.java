package org.concepthash.web;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.servlet.http.ServletHttpRequest;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.concepthash.accounts.AnonymousAccess;
import org.concepthash.accounts.SignedInUser;
import org.reactivestreams.Publisher;

/**
 * When anonymous access is on, a request without credentials is a viewer named "anonymous". A
 * request that sends a token is never downgraded to that: a bad or expired token stays a 401.
 */
@Singleton
class AnonymousAuthentication implements AuthenticationFetcher<HttpRequest<?>> {

  private final AnonymousAccess anonymous;

  AnonymousAuthentication(AnonymousAccess anonymous) {
    this.anonymous = anonymous;
  }

  @Override
  public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
    if (!anonymous.viewerAllowed()
        || request.getHeaders().contains(HttpHeaders.AUTHORIZATION)
        || hasSignedInSession(request)) {
      return Publishers.empty();
    }
    SignedInUser user = anonymous.anonymousUser().orElseThrow();
    return Publishers.just(Authentication.build(user.username(), user.role().grantedIds()));
  }

  /** A signed-in UI session that sends a change without a token gets 401, not the anonymous 403. */
  private static boolean hasSignedInSession(HttpRequest<?> request) {
    if (request instanceof ServletHttpRequest<?, ?> servlet
        && servlet.getNativeRequest() instanceof HttpServletRequest http) {
      HttpSession session = http.getSession(false);
      return session != null && session.getAttribute(SignedInUser.SESSION_ATTRIBUTE) != null;
    }
    return false;
  }

  @Override
  public int getOrder() {
    return Integer.MAX_VALUE;
  }
}
