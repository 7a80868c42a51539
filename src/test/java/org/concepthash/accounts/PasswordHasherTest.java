package org.concepthash.accounts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void hashesAreArgon2idWithTheStatedParameters() {
    String hash = hasher.hash("correct horse battery staple");
    Matcher m =
        Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([^$]+)\\$([^$]+)")
            .matcher(hash);
    assertTrue(m.matches(), hash);
    assertEquals(19456, Integer.parseInt(m.group(1)), "19 MiB of memory (OWASP)");
    assertEquals(2, Integer.parseInt(m.group(2)));
    assertEquals(1, Integer.parseInt(m.group(3)));
    byte[] salt = Base64.getDecoder().decode(m.group(4));
    byte[] digest = Base64.getDecoder().decode(m.group(5));
    assertEquals(16, salt.length);
    assertEquals(32, digest.length);
    // the string tells the truth: recomputing with exactly these parameters gives the stored digest
    // ...
    assertArrayEquals(
        digest,
        PasswordHasher.argon2id("correct horse battery staple", salt, PasswordHasher.DEFAULT));
    // ... and other cost parameters give another one
    PasswordHasher.Parameters cheaper = new PasswordHasher.Parameters(19456, 1, 1, 16, 32);
    assertFalse(
        java.util.Arrays.equals(
            digest, PasswordHasher.argon2id("correct horse battery staple", salt, cheaper)));
  }

  @Test
  void verifiesTheRightPasswordOnly() {
    String hash = hasher.hash("s3cret-passphrase");
    assertTrue(hasher.verify("s3cret-passphrase", hash));
    assertFalse(hasher.verify("s3cret-passphrasE", hash));
    assertFalse(hasher.verify("", hash));
    assertFalse(hasher.verify("s3cret-passphrase", "not a hash"));
    assertFalse(hasher.verify("s3cret-passphrase", null));
  }

  @Test
  void everyHashHasItsOwnSalt() {
    assertNotEquals(hasher.hash("same password"), hasher.hash("same password"));
  }

  @Test
  void aHashKeepsItsOwnParametersWhenTheDefaultsChange() {
    PasswordHasher old = new PasswordHasher(new PasswordHasher.Parameters(8192, 1, 1, 16, 32));
    String stored = old.hash("older password");
    assertTrue(stored.contains("m=8192,t=1,p=1"));
    assertTrue(hasher.verify("older password", stored));
  }

  @Test
  void hashingTakesRealWork() {
    long start = System.nanoTime();
    hasher.hash("timing");
    long millis = (System.nanoTime() - start) / 1_000_000;
    // memory-hard: far slower than a plain digest (microseconds); a loose floor that cannot flake
    // upward
    assertTrue(millis >= 5, "one hash took " + millis + " ms");
  }
}
