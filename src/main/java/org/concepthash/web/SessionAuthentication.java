package org.concepthash.web;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.servlet.http.ServletHttpRequest;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.concepthash.accounts.SignedInUser;
import org.reactivestreams.Publisher;

/**
 * Recognises the user signed in to the UI on the API requests the UI's own pages make (thumbnails,
 * image content): the HTTP session is shared with the Vaadin servlet. Only for reading requests
 * (GET/HEAD), so another site cannot use the session cookie to change anything; changes need a
 * token.
 */
@Singleton
class SessionAuthentication implements AuthenticationFetcher<HttpRequest<?>> {

  @Override
  public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
    if (!(request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD)
        || request.getHeaders().contains(HttpHeaders.AUTHORIZATION)
        || !(request instanceof ServletHttpRequest<?, ?> servlet)
        || !(servlet.getNativeRequest() instanceof HttpServletRequest http)) {
      return Publishers.empty();
    }
    HttpSession session = http.getSession(false);
    Object user = session == null ? null : session.getAttribute(SignedInUser.SESSION_ATTRIBUTE);
    if (user instanceof SignedInUser signedIn) {
      return Publishers.just(
          Authentication.build(signedIn.username(), signedIn.role().grantedIds()));
    }
    return Publishers.empty();
  }

  @Override
  public int getOrder() {
    return 100;
  }
}
