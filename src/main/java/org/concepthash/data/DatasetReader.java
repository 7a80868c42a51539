package org.concepthash.data;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one on-disk data set layout into the common {@link Dataset} view. */
public interface DatasetReader {

  /** The format name used on the command line (e.g. "cub200", "imagefolder"). */
  String format();

  /**
   * Reads the whole annotation set (not the pixels). Malformed input throws an exception whose
   * message names the file and line.
   */
  Dataset read(Path root) throws IOException;
}
