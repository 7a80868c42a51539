package org.concepthash.accounts;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (BouncyCastle) in the PHC string format of the reference implementation:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (unpadded base64). The parameters are
 * OWASP's first recommendation for Argon2id (19 MiB, 2 passes, 1 lane); a stored hash carries its
 * own parameters, so raising them later keeps old hashes verifiable.
 */
@Singleton
public class PasswordHasher {

  /** Argon2id cost parameters; memory in KiB. */
  public record Parameters(
      int memoryKiB, int iterations, int parallelism, int saltBytes, int hashBytes) {}

  public static final Parameters DEFAULT = new Parameters(19 * 1024, 2, 1, 16, 32);

  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final Parameters parameters;
  private final SecureRandom random = new SecureRandom();

  public PasswordHasher() {
    this(DEFAULT);
  }

  PasswordHasher(Parameters parameters) {
    this.parameters = parameters;
  }

  public Parameters parameters() {
    return parameters;
  }

  /** A new salted hash of the password in PHC format. */
  public String hash(String password) {
    byte[] salt = new byte[parameters.saltBytes()];
    random.nextBytes(salt);
    byte[] hash = argon2id(password, salt, parameters);
    return "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s"
        .formatted(
            parameters.memoryKiB(),
            parameters.iterations(),
            parameters.parallelism(),
            B64.encodeToString(salt),
            B64.encodeToString(hash));
  }

  /**
   * Whether the password matches the stored hash; false (never an exception) for a malformed hash.
   */
  public boolean verify(String password, String stored) {
    Matcher m = stored == null ? null : PHC.matcher(stored);
    if (m == null || !m.matches()) {
      return false;
    }
    byte[] salt = B64D.decode(m.group(4));
    byte[] expected = B64D.decode(m.group(5));
    Parameters p =
        new Parameters(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)),
            salt.length,
            expected.length);
    byte[] actual = argon2id(password, salt, p);
    return MessageDigest.isEqual(expected, actual);
  }

  /** Raw Argon2id (version 1.3) of the UTF-8 password. */
  static byte[] argon2id(String password, byte[] salt, Parameters p) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(p.memoryKiB())
            .withIterations(p.iterations())
            .withParallelism(p.parallelism())
            .withSalt(salt)
            .build());
    byte[] out = new byte[p.hashBytes()];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
