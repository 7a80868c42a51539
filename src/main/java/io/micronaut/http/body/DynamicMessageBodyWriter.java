package io.micronaut.http.body;

import io.micronaut.core.type.Argument;
import io.micronaut.core.type.MutableHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.codec.CodecException;
import java.io.OutputStream;
import java.util.List;

/**
 * Compatibility shim, not our code's API. micronaut-servlet 4.9 (the newest release served here,
 * see platform-notes) falls back to this class for responses whose route has no body writer (error
 * routes, {@code HttpResponse<T>} bodies); Micronaut core 4.10 removed it, so without this every
 * such response fails with NoClassDefFoundError. It picks the writer for the body's runtime type,
 * as the original did.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class DynamicMessageBodyWriter implements MessageBodyWriter<Object> {

  private final MessageBodyHandlerRegistry registry;
  private final List<MediaType> mediaTypes;

  public DynamicMessageBodyWriter(MessageBodyHandlerRegistry registry, List<MediaType> mediaTypes) {
    this.registry = registry;
    this.mediaTypes = mediaTypes;
  }

  @Override
  public void writeTo(
      Argument<Object> type,
      MediaType mediaType,
      Object object,
      MutableHeaders headers,
      OutputStream out)
      throws CodecException {
    Argument runtime = object == null ? type : Argument.of(object.getClass());
    MediaType target = mediaType != null ? mediaType : mediaTypes.get(0);
    java.util.Optional<MessageBodyWriter> found =
        (java.util.Optional) registry.findWriter(runtime, List.of(target));
    if (found.isEmpty()) {
      throw new CodecException("no writer for " + runtime + " as " + target);
    }
    MessageBodyWriter writer = found.get();
    writer.writeTo(runtime, target, object, headers, out);
  }
}
