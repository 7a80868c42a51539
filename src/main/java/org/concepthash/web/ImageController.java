package org.concepthash.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.concepthash.accounts.Roles;
import org.concepthash.accounts.UploadLimiter;
import org.concepthash.catalog.CatalogException;
import org.concepthash.catalog.CatalogService;
import org.concepthash.catalog.ImageFilter;
import org.concepthash.catalog.ImageIngest;
import org.concepthash.catalog.ImageView;
import org.concepthash.catalog.IngestRequest;
import org.concepthash.catalog.IngestResult;
import org.concepthash.catalog.LabelEvent;
import org.concepthash.catalog.PageOf;
import org.concepthash.catalog.ThumbnailService;
import org.concepthash.catalog.ingest.IngestRefusedException;
import org.concepthash.data.Split;

/** Catalog images: upload, list, details, stored content, thumbnails, labels. */
@Controller("/api/images")
class ImageController {

  /** Body of {@code PUT /api/images/{id}/label}; a null label removes it. */
  @Serdeable
  record LabelChange(@Nullable String label) {}

  private final CatalogService catalog;
  private final ImageIngest ingest;
  private final ThumbnailService thumbnails;
  private final UploadLimiter uploads;

  ImageController(
      CatalogService catalog,
      ImageIngest ingest,
      ThumbnailService thumbnails,
      UploadLimiter uploads) {
    this.catalog = catalog;
    this.ingest = ingest;
    this.thumbnails = thumbnails;
    this.uploads = uploads;
  }

  /**
   * 201 with the new image, 200 with the existing one for a duplicate, 400 when refused, 429 over
   * the per-user upload rate.
   */
  @Post(consumes = MediaType.MULTIPART_FORM_DATA)
  @Secured(Roles.CURATOR)
  HttpResponse<ImageView> upload(
      @Part("file") CompletedFileUpload file,
      @Nullable @Part("label") String label,
      @Nullable @Part("split") String split,
      Authentication authentication)
      throws IOException, IngestRefusedException {
    String actor = Actors.of(authentication);
    uploads.acquire(actor);
    Split parsed = split == null || split.isBlank() ? Split.UNSPECIFIED : Split.parse(split);
    String className = label == null || label.isBlank() ? null : label.strip();
    IngestResult result;
    try (InputStream in = file.getInputStream()) {
      result =
          ingest.ingest(in, IngestRequest.upload(file.getFilename(), className, parsed, actor));
    }
    return result.duplicate()
        ? HttpResponse.ok(result.image())
        : HttpResponse.created(result.image());
  }

  @Secured(Roles.VIEWER)
  @Get("{?label,family,unlabelled,split,page,size}")
  PageOf<ImageView> list(
      @Nullable @QueryValue String label,
      @Nullable @QueryValue String family,
      @Nullable @QueryValue Boolean unlabelled,
      @Nullable @QueryValue String split,
      @QueryValue(defaultValue = "0") int page,
      @QueryValue(defaultValue = "50") int size) {
    ImageFilter filter =
        new ImageFilter(
            blankToNull(label),
            blankToNull(family),
            unlabelled == null ? null : !unlabelled,
            split == null || split.isBlank() ? null : Split.parse(split));
    return catalog.list(filter, page, size);
  }

  @Secured(Roles.VIEWER)
  @Get("/{id}")
  ImageView get(@PathVariable long id) {
    return catalog.find(id).orElseThrow(() -> notFound(id));
  }

  @Secured(Roles.VIEWER)
  @Get("/{id}/labels")
  List<LabelEvent> labelHistory(@PathVariable long id) {
    return catalog.labelHistory(id);
  }

  @Put("/{id}/label")
  @Secured(Roles.CURATOR)
  ImageView setLabel(
      @PathVariable long id, @Body LabelChange change, Authentication authentication) {
    return catalog.setLabel(id, change.label(), Actors.of(authentication));
  }

  @Secured(Roles.VIEWER)
  @Get(value = "/{id}/content", produces = "image/png")
  HttpResponse<byte[]> content(@PathVariable long id) throws IOException {
    byte[] png = thumbnails.original(id).orElseThrow(() -> notFound(id));
    return HttpResponse.ok(png).header("Cache-Control", "private, max-age=31536000, immutable");
  }

  @Secured(Roles.VIEWER)
  @Get(value = "/{id}/thumbnail", produces = MediaType.IMAGE_JPEG)
  HttpResponse<byte[]> thumbnail(@PathVariable long id) throws IOException {
    byte[] jpeg = thumbnails.thumbnail(id).orElseThrow(() -> notFound(id));
    return HttpResponse.ok(jpeg).header("Cache-Control", "private, max-age=31536000, immutable");
  }

  private static CatalogException notFound(long id) {
    return CatalogException.notFound("no image with id " + id);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
