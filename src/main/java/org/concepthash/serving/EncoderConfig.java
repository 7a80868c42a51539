package org.concepthash.serving;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.concepthash.encode.EncoderOptions;

/**
 * How the server runs the active model ({@code concepthash.encoder.*}), validated at start.
 *
 * @param cuda try CUDA first (needs the {@code cuda} build; untested on a GPU); falls back to the
 *     CPU with a log line
 * @param threads ONNX Runtime intra-op threads; 0 means every processor
 * @param batch images per ONNX Runtime call when encoding the catalog
 */
@Context
@ConfigurationProperties("concepthash.encoder")
public record EncoderConfig(boolean cuda, @Min(0) int threads, @Min(1) @Max(1024) int batch) {

  EncoderOptions options() {
    int t = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    return new EncoderOptions(cuda, t, batch);
  }
}
