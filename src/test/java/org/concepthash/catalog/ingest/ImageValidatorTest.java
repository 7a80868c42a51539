package org.concepthash.catalog.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.concepthash.testing.TestImages;
import org.junit.jupiter.api.Test;

class ImageValidatorTest {

  private final ImageValidator validator =
      new ImageValidator(new IngestLimits(2_000_000, 4_000_000, 4000));

  @Test
  void acceptsPngAndReencodesItAsIdenticalPixels() throws Exception {
    BufferedImage original = TestImages.quadrants(40, 30, 1);
    CanonicalImage stored = validator.validate(TestImages.encode(original, "png"));
    assertEquals(40, stored.width());
    assertEquals(30, stored.height());
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(stored.png()));
    assertEquals(original.getRGB(5, 5), back.getRGB(5, 5));
    assertEquals(original.getRGB(35, 25), back.getRGB(35, 25));
    assertEquals(CanonicalImage.sha256(stored.png()), stored.sha256());
  }

  @Test
  void acceptsJpegBmpGifAndWebp() throws Exception {
    assertEquals(40, validator.validate(TestImages.jpeg(40, 30, 2)).width());
    assertEquals(
        40, validator.validate(TestImages.encode(TestImages.quadrants(40, 30, 3), "bmp")).width());
    assertEquals(
        40, validator.validate(TestImages.encode(TestImages.quadrants(40, 30, 4), "gif")).width());
    // a 1 x 1 lossless WebP (the feature-detection image browsers use)
    byte[] webp = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    assertEquals(1, validator.validate(webp).width());
  }

  @Test
  void sameContentInTwoContainersHasOneIdentity() throws Exception {
    BufferedImage image = TestImages.quadrants(16, 16, 5);
    String fromPng = validator.validate(TestImages.encode(image, "png")).sha256();
    String fromBmp = validator.validate(TestImages.encode(image, "bmp")).sha256();
    assertEquals(fromPng, fromBmp);
  }

  @Test
  void refusesPngWhoseHeaderDeclaresAHugeImageWithoutAllocatingIt() {
    byte[] bomb = pngHeaderOnly(100_000, 100_000);
    var e = assertThrows(IngestRefusedException.class, () -> validator.validate(bomb));
    assertTrue(e.getMessage().contains("100000 x 100000"), e.getMessage());
  }

  @Test
  void refusesJpegWhoseHeaderDeclaresAHugeImage() {
    byte[] jpeg = TestImages.jpeg(32, 32, 6);
    int sof = indexOf(jpeg, (byte) 0xFF, (byte) 0xC0);
    assertTrue(sof > 0, "baseline JPEG has an SOF0 marker");
    // SOF0: marker(2) length(2) precision(1) height(2) width(2)
    ByteBuffer.wrap(jpeg, sof + 5, 4).putShort((short) 60000).putShort((short) 60000);
    var e = assertThrows(IngestRefusedException.class, () -> validator.validate(jpeg));
    assertTrue(e.getMessage().contains("60000 x 60000"), e.getMessage());
  }

  @Test
  void refusesImagesOverThePixelCapEvenWithSmallSides() {
    ImageValidator strict = new ImageValidator(new IngestLimits(2_000_000, 1000, 4000));
    var e =
        assertThrows(
            IngestRefusedException.class, () -> strict.validate(TestImages.png(40, 30, 7)));
    assertTrue(e.getMessage().contains("megapixels"), e.getMessage());
  }

  @Test
  void refusesTruncatedPngAndJpeg() {
    byte[] png = TestImages.png(64, 64, 8);
    byte[] jpeg = TestImages.jpeg(64, 64, 9);
    var p =
        assertThrows(
            IngestRefusedException.class,
            () -> validator.validate(Arrays.copyOf(png, png.length * 2 / 3)));
    assertTrue(p.getMessage().contains("damaged or truncated"), p.getMessage());
    var j =
        assertThrows(
            IngestRefusedException.class,
            () -> validator.validate(Arrays.copyOf(jpeg, jpeg.length * 2 / 3)));
    assertTrue(j.getMessage().contains("damaged or truncated"), j.getMessage());
  }

  @Test
  void refusesTextWhateverItsName() {
    byte[] text = "hello, I am a JPEG, honestly\n".getBytes(StandardCharsets.UTF_8);
    var e = assertThrows(IngestRefusedException.class, () -> validator.validate(text));
    assertTrue(e.getMessage().startsWith("not an image"), e.getMessage());
  }

  @Test
  void refusesSvg() {
    byte[] svg =
        "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8);
    var e = assertThrows(IngestRefusedException.class, () -> validator.validate(svg));
    assertTrue(e.getMessage().contains("SVG"), e.getMessage());
    byte[] bare = "<svg width='10' height='10'></svg>".getBytes(StandardCharsets.UTF_8);
    assertThrows(IngestRefusedException.class, () -> validator.validate(bare));
  }

  @Test
  void refusesEmptyFiles() {
    var e = assertThrows(IngestRefusedException.class, () -> validator.validate(new byte[0]));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
  }

  @Test
  void refusesOversizeFilesWhileReadingTheStream() {
    ImageValidator small = new ImageValidator(new IngestLimits(1000, 4_000_000, 4000));
    byte[] big = TestImages.png(200, 200, 10);
    assertTrue(big.length > 1000);
    var e =
        assertThrows(
            IngestRefusedException.class, () -> small.validate(new ByteArrayInputStream(big)));
    assertTrue(e.getMessage().contains("larger than"), e.getMessage());
  }

  @Test
  void appliesExifOrientationSoStoredPixelsAreUpright() throws Exception {
    // 40 x 20 picture stored sideways; orientation 6 says "rotate 90 degrees clockwise to view"
    byte[] jpeg = withExifOrientation(TestImages.jpeg(40, 20, 11), 6);
    CanonicalImage stored = validator.validate(jpeg);
    assertEquals(20, stored.width());
    assertEquals(40, stored.height());
    BufferedImage upright = ImageIO.read(new ByteArrayInputStream(stored.png()));
    // rotating clockwise brings the bottom-left (blue) quadrant to the top-left
    assertDominant(upright.getRGB(3, 3), 2);
    // and the top-left (red) quadrant to the top-right
    assertDominant(upright.getRGB(16, 3), 0);
    // metadata is gone: the canonical PNG carries no EXIF block
    assertEquals(-1, indexOf(stored.png(), (byte) 'E', (byte) 'x', (byte) 'i', (byte) 'f'));
  }

  @Test
  void storedPngIsDeterministic() throws Exception {
    byte[] jpeg = TestImages.jpeg(30, 30, 12);
    assertArrayEquals(validator.validate(jpeg).png(), validator.validate(jpeg).png());
  }

  /** Asserts that channel 0 (red), 1 (green) or 2 (blue) clearly dominates a pixel. */
  private static void assertDominant(int rgb, int channel) {
    int[] c = {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
    for (int i = 0; i < 3; i++) {
      if (i != channel) {
        assertTrue(
            c[channel] > c[i] + 60,
            "pixel " + Arrays.toString(c) + " should be dominated by channel " + channel);
      }
    }
  }

  /** A PNG signature and IHDR chunk (valid CRC) declaring the given size, and no pixel data. */
  static byte[] pngHeaderOnly(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(17);
    ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
    ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
    png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
    png.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xAE426082);
    return png.array();
  }

  /**
   * Inserts an EXIF APP1 segment with one IFD0 entry (Orientation) right after the JPEG SOI marker.
   */
  static byte[] withExifOrientation(byte[] jpeg, int orientation) throws IOException {
    ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4); // big-endian TIFF ("MM")
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    tiff.putShort((short) 1); // one entry
    tiff.putShort((short) 0x0112)
        .putShort((short) 3)
        .putInt(1)
        .putShort((short) orientation)
        .putShort((short) 0);
    tiff.putInt(0); // no next IFD
    byte[] exifHeader = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
    int length = 2 + exifHeader.length + tiff.capacity();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    out.write(0xFF);
    out.write(0xE1);
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.write(exifHeader);
    out.write(tiff.array());
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  private static int indexOf(byte[] data, byte... pattern) {
    outer:
    for (int i = 0; i + pattern.length <= data.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
