package org.concepthash.data;

import java.io.IOException;
import java.io.InputStream;

/** Where the encoded bytes of one data set image come from (a file, an entry decoded from IDX, ...). */
public interface ImageSource {

  /** A human-readable name used in error messages and as the original file name at ingest. */
  String name();

  /** Opens the encoded image bytes (JPEG, PNG, ...). The caller closes the stream. */
  InputStream open() throws IOException;
}
