package org.concepthash.accounts;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;

/**
 * Accounts configuration ({@code concepthash.auth.*} in application.yml), validated at start.
 *
 * @param anonymous what a visitor who has not signed in may do: {@code auto} (viewer on the
 *     embedded demo database, nothing with an external database), {@code viewer} or {@code off}
 * @param adminPassword password of the first admin ({@code CONCEPTHASH_ADMIN_PASSWORD}); used only
 *     while there are no users at all
 * @param tokenSecret secret that signs API tokens (at least 32 characters); when empty, one is
 *     generated and kept in the data directory
 * @param loginFailuresAllowed failed logins per user name and address before attempts are slowed
 *     down
 * @param loginDelay how long further attempts are refused after that; doubles with every further
 *     failure
 * @param loginDelayMax upper bound of that delay
 * @param uploadsPerMinute uploads one user may make per minute (a burst of that size, then the
 *     rate)
 */
@Context
@ConfigurationProperties("concepthash.auth")
public record AuthConfig(
    @NotNull @Pattern(regexp = "auto|viewer|off", message = "must be auto, viewer or off")
        String anonymous,
    @Nullable String adminPassword,
    @Nullable String tokenSecret,
    @Min(1) int loginFailuresAllowed,
    @NotNull Duration loginDelay,
    @NotNull Duration loginDelayMax,
    @Min(1) int uploadsPerMinute) {}
