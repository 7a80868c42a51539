package org.concepthash.catalog.importer;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concepthash.catalog.ingest.CanonicalImage;

/**
 * Remembers, per data set root and format, which items an import has brought into the catalog and
 * under which content hash, so that a re-run (after an interruption, or just again) skips them
 * without decoding the image again. One file per import under {@code {data dir}/imports/}, one
 * {@code key<TAB>sha256} line per item, appended and flushed as items complete. The journal is only
 * a shortcut: an entry counts only while the catalog still holds that content.
 */
final class ImportJournal implements Closeable {

  private final Map<String, String> done;
  private final BufferedWriter out;

  private ImportJournal(Map<String, String> done, BufferedWriter out) {
    this.done = done;
    this.out = out;
  }

  static ImportJournal open(Path importsDir, String format, Path datasetRoot) throws IOException {
    Files.createDirectories(importsDir);
    String id =
        CanonicalImage.sha256(
            datasetRoot.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
    Path file = importsDir.resolve(format + "-" + id.substring(0, 16) + ".tsv");
    Map<String, String> done = new HashMap<>();
    if (Files.exists(file)) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (String line : lines) {
        int tab = line.lastIndexOf('\t');
        // a line cut short by a crash has no valid hash: ignore it, the item is simply redone
        if (tab > 0 && line.length() - tab - 1 == 64) {
          done.put(line.substring(0, tab), line.substring(tab + 1));
        }
      }
    }
    BufferedWriter out =
        Files.newBufferedWriter(
            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return new ImportJournal(done, out);
  }

  /** The content hash an earlier run recorded for this item. */
  Optional<String> recorded(String key) {
    return Optional.ofNullable(done.get(key));
  }

  void record(String key, String sha256) throws IOException {
    if (!sha256.equals(done.put(key, sha256))) {
      // keys are data set paths: tabs and line breaks would break the format
      out.write(key.replaceAll("[\\t\\r\\n]", " "));
      out.write('\t');
      out.write(sha256);
      out.newLine();
      out.flush();
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
