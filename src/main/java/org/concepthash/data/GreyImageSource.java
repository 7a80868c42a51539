package org.concepthash.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * An 8-bit grey image held in memory as a slice of a larger array (e.g. one Fashion-MNIST image
 * inside the decoded IDX payload), served as PNG bytes.
 *
 * @param pixels shared, not copied; the image is {@code width * height} bytes from {@code offset}
 */
record GreyImageSource(String name, byte[] pixels, int offset, int width, int height)
    implements ImageSource {

  @Override
  public InputStream open() throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    image
        .getRaster()
        .setDataElements(
            0, 0, width, height, Arrays.copyOfRange(pixels, offset, offset + width * height));
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    return new ByteArrayInputStream(png.toByteArray());
  }
}
