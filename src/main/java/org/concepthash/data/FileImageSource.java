package org.concepthash.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** An image stored as a file on disk; {@link #name()} is the path relative to the data set root. */
public record FileImageSource(String name, Path file) implements ImageSource {

  @Override
  public InputStream open() throws IOException {
    return Files.newInputStream(file);
  }
}
