package org.concepthash.accounts;

import java.time.Instant;

/** A user as the rest of the app sees it (never the password hash). */
public record Account(
    String username, Role role, boolean enabled, String createdBy, Instant createdAt) {}
