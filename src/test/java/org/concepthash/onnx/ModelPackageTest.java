package org.concepthash.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPackageTest {

  @TempDir Path dir;

  @Test
  void theVersionOnePackageFixtureStillLoads() throws IOException {
    ModelPackage pkg = ModelPackage.read(PackageFixtures.microV1());
    ModelManifest m = pkg.manifest();
    assertEquals(1, m.version());
    assertEquals(8, m.network().bits());
    assertEquals(java.util.List.of("head", "tail"), m.concepts());
    assertEquals(ModelPackage.sha256(pkg.onnx()), m.graph().sha256());
  }

  @Test
  void aWrittenPackageReadsBackUnchanged() throws IOException {
    ModelPackage original = ModelPackage.read(PackageFixtures.microV1());
    Path copy = dir.resolve("sub/copy.zip");
    original.write(copy);
    ModelPackage back = ModelPackage.read(copy);
    assertArrayEquals(original.onnx(), back.onnx());
    assertEquals(
        ModelPackage.GSON.toJson(original.manifest()), ModelPackage.GSON.toJson(back.manifest()));
    try (var files = Files.list(copy.getParent())) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
  }

  @Test
  void aFileThatIsNotAZipIsRefused() throws IOException {
    Path file = Files.write(dir.resolve("x.zip"), "not a zip at all".getBytes());
    assertRefused(file, "not a model package");
  }

  @Test
  void aTruncatedPackageIsRefused() throws IOException {
    byte[] bytes = Files.readAllBytes(PackageFixtures.microV1());
    Path file = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(bytes, bytes.length / 2));
    assertRefused(file, "not a model package");
  }

  @Test
  void aChangedGraphByteIsDetected() throws IOException {
    Map<String, byte[]> entries = PackageFixtures.entries(PackageFixtures.microV1());
    byte[] onnx = entries.get(ModelPackage.GRAPH_ENTRY);
    onnx[onnx.length / 2] ^= 0x10;
    assertRefused(
        PackageFixtures.write(dir.resolve("flip.zip"), entries), "model.onnx is corrupted");
  }

  @Test
  void anExtraOrMissingEntryIsRefused() throws IOException {
    Map<String, byte[]> entries = PackageFixtures.entries(PackageFixtures.microV1());
    entries.put("notes.txt", new byte[] {1});
    assertRefused(PackageFixtures.write(dir.resolve("extra.zip"), entries), "holds exactly");
    entries.remove("notes.txt");
    entries.remove(ModelPackage.GRAPH_ENTRY);
    assertRefused(PackageFixtures.write(dir.resolve("missing.zip"), entries), "holds exactly");
  }

  @Test
  void aNewerFormatVersionIsRefusedWithAnUpgradeHint() throws IOException {
    Path file =
        PackageFixtures.withManifest(
            dir.resolve("v2.zip"), j -> j.replace("\"version\": 1,", "\"version\": 2,"));
    assertRefused(file, "version 2 is newer than this build reads (1)");
  }

  @Test
  void anotherFormatIsRefused() throws IOException {
    Path file =
        PackageFixtures.withManifest(
            dir.resolve("f.zip"), j -> j.replace("\"concepthash-model\"", "\"something-else\""));
    assertRefused(file, "not a ConceptHash model manifest (format 'something-else')");
  }

  @Test
  void unknownAndMissingManifestFieldsAreNamed() throws IOException {
    Path unknown =
        PackageFixtures.withManifest(
            dir.resolve("u.zip"),
            j -> j.replace("\"version\": 1,", "\"version\": 1,\n  \"extra\": true,"));
    assertRefused(unknown, "unknown fields [extra]");
    Path missing =
        PackageFixtures.withManifest(
            dir.resolve("m.zip"), j -> j.replaceFirst("\"concepts\": \\[[^]]*],", ""));
    assertRefused(missing, "missing fields [concepts]");
  }

  @Test
  void inconsistentGeometryAndBadCentresAreRefused() throws IOException {
    Path grid =
        PackageFixtures.withManifest(
            dir.resolve("g.zip"), j -> j.replace("\"patchGrid\": 4", "\"patchGrid\": 5"));
    assertRefused(grid, "are inconsistent");
    Path bits =
        PackageFixtures.withManifest(
            dir.resolve("b.zip"), j -> j.replaceFirst("\"bits\": 8", "\"bits\": 512"));
    assertRefused(bits, "network.bits must be in 1..256, not 512");
    Path centre =
        PackageFixtures.withManifest(
            dir.resolve("c.zip"),
            j -> j.replaceFirst("\"centre\": \"[0-9a-f]+\"", "\"centre\": \"zz\""));
    assertRefused(centre, "centre: 'z' is not a hex digit");
    Path json =
        PackageFixtures.withManifest(dir.resolve("j.zip"), j -> j.substring(0, j.length() / 2));
    assertRefused(json, "model.json is not valid JSON");
  }

  private static void assertRefused(Path file, String expected) {
    ModelPackageException e =
        assertThrows(ModelPackageException.class, () -> ModelPackage.read(file));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
  }
}
