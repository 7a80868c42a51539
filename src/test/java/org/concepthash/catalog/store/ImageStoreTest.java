package org.concepthash.catalog.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.concepthash.catalog.ingest.CanonicalImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {

  @TempDir Path root;

  @Test
  void storesContentUnderItsHashInTwoLevelsOfDirectories() throws Exception {
    ImageStore store = new ImageStore(root);
    byte[] content = {1, 2, 3, 4};
    String sha = CanonicalImage.sha256(content);
    String key = store.put(sha, content);
    assertEquals(sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha + ".png", key);
    assertArrayEquals(content, store.read(key));
    assertEquals(key, store.put(sha, content), "a second put of the same content is a no-op");
    assertEquals(1, store.keys().size());
  }

  @Test
  void leavesNoTemporaryFileBehindAfterAWrite() throws Exception {
    ImageStore store = new ImageStore(root);
    byte[] content = new byte[100_000];
    store.put(CanonicalImage.sha256(content), content);
    try (var files = Files.walk(root)) {
      assertFalse(files.anyMatch(p -> p.toString().endsWith(AtomicFiles.TEMP_SUFFIX)));
    }
  }

  @Test
  void sweepRemovesTheDebrisOfAWriterThatDiedMidWrite() throws Exception {
    ImageStore store = new ImageStore(root);
    byte[] content = {9, 9, 9};
    String key = store.put(CanonicalImage.sha256(content), content);
    // what a process killed between "write temp" and "rename" leaves: a partial temp file beside
    // the real ones
    Path debris = store.path(key).resolveSibling("abc123.png" + AtomicFiles.TEMP_SUFFIX);
    Files.write(debris, new byte[] {1});
    assertEquals(1, store.keys().size(), "partial files are never visible as stored images");
    assertEquals(1, store.sweepTemporaryFiles());
    assertFalse(Files.exists(debris));
    assertTrue(store.contains(key));
  }

  @Test
  void refusesKeysThatItDidNotMake() {
    ImageStore store = new ImageStore(root);
    assertThrows(IllegalArgumentException.class, () -> store.path("../../etc/passwd"));
    assertThrows(IllegalArgumentException.class, () -> store.path("ab/cd/notahash.png"));
    assertThrows(IllegalArgumentException.class, () -> ImageStore.keyFor("../x"));
  }
}
