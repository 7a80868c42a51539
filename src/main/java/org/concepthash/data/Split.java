package org.concepthash.data;

/** Which side of the retrieval protocol an image belongs to: train = database, test = query. */
public enum Split {
  TRAIN,
  TEST,
  UNSPECIFIED;

  /** Parses "train", "test" or "unspecified" (any case); a clear message for anything else. */
  public static Split parse(String text) {
    for (Split s : values()) {
      if (s.name().equalsIgnoreCase(text.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "split must be train, test or unspecified, not '" + text + "'");
  }

  public String lowerName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
