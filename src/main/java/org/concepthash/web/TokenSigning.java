package org.concepthash.web;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.concepthash.accounts.AuthConfig;

/**
 * The HMAC (HS256) key that signs and checks API tokens. Declared as a bean because without a
 * signature generator Micronaut Security issues unsigned tokens (alg "none"). The secret comes from
 * {@code concepthash.auth.token-secret}, or is generated once and kept in {@code
 * dataDir/token-secret} so tokens survive a restart.
 */
@Factory
class TokenSigning {

  static final String SECRET_FILE = "token-secret";
  private static final int MIN_SECRET_LENGTH = 32;

  /**
   * Declared as the interface: SecretSignature itself is annotated {@code @EachBean} (one per
   * configured secret), which a factory method returning it would inherit, leaving no bean at all.
   */
  @Singleton
  @Named("generator")
  SignatureGeneratorConfiguration signature(
      AuthConfig config, @Value("${concepthash.data-dir}") Path dataDir) {
    SecretSignatureConfiguration c = new SecretSignatureConfiguration("generator");
    c.setJwsAlgorithm(JWSAlgorithm.HS256);
    c.setSecret(secret(config, dataDir));
    return new SecretSignature(c);
  }

  private static String secret(AuthConfig config, Path dataDir) {
    String configured = config.tokenSecret();
    if (configured != null && !configured.isBlank()) {
      if (configured.length() < MIN_SECRET_LENGTH) {
        throw new IllegalStateException(
            "concepthash.auth.token-secret must have at least "
                + MIN_SECRET_LENGTH
                + " characters");
      }
      return configured;
    }
    Path file = dataDir.resolve(SECRET_FILE);
    try {
      if (Files.exists(file)) {
        String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (stored.length() >= MIN_SECRET_LENGTH) {
          return stored;
        }
      }
      byte[] bytes = new byte[48];
      new SecureRandom().nextBytes(bytes);
      String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      Files.createDirectories(dataDir);
      Files.writeString(
          file,
          generated,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the data directory's own permissions apply
      }
      return generated;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the token secret " + file, e);
    }
  }
}
