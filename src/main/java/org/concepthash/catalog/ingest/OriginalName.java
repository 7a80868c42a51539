package org.concepthash.catalog.ingest;

import java.text.Normalizer;

/**
 * Turns a client-supplied file name into a harmless display name: no directories, no control or
 * path characters, at most {@value #MAX_LENGTH} characters. The name is only ever displayed: files
 * are stored under their content hash.
 */
public final class OriginalName {

  static final int MAX_LENGTH = 120;

  private OriginalName() {}

  public static String sanitise(String name) {
    if (name == null) {
      return "unnamed";
    }
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    base = Normalizer.normalize(base, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder();
    base.codePoints()
        .filter(
            cp ->
                !Character.isISOControl(cp)
                    && cp != ':'
                    && cp != '*'
                    && cp != '?'
                    && cp != '"'
                    && cp != '<'
                    && cp != '>'
                    && cp != '|')
        .forEach(out::appendCodePoint);
    String cleaned = out.toString().strip();
    while (cleaned.startsWith(".")) {
      cleaned = cleaned.substring(1);
    }
    if (cleaned.isBlank()) {
      return "unnamed";
    }
    if (cleaned.length() > MAX_LENGTH) {
      int dot = cleaned.lastIndexOf('.');
      String ext = dot > 0 && cleaned.length() - dot <= 10 ? cleaned.substring(dot) : "";
      cleaned = cleaned.substring(0, MAX_LENGTH - ext.length()) + ext;
    }
    return cleaned;
  }
}
