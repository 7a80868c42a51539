package org.concepthash.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import java.nio.file.Files;
import org.concepthash.testing.TestCatalog;
import org.junit.jupiter.api.Test;

/** The token signing key: a real HMAC key, generated once and kept in the data directory. */
class TokenSigningIT {

  @Test
  void tokensAreSignedWithAKeptSecret() throws Exception {
    try (TestCatalog app = TestCatalog.services()) {
      var signatures = app.context().getBeansOfType(SignatureConfiguration.class);
      assertEquals(1, signatures.size(), "one key signs and checks tokens: " + signatures);
      SignatureGeneratorConfiguration generator =
          app.context()
              .getBean(
                  SignatureGeneratorConfiguration.class,
                  io.micronaut.inject.qualifiers.Qualifiers.byName("generator"));
      assertTrue(generator.supports(com.nimbusds.jose.JWSAlgorithm.HS256));
      String secret = Files.readString(app.dataDir().resolve(TokenSigning.SECRET_FILE));
      assertTrue(secret.length() >= 32);
    }
  }
}
