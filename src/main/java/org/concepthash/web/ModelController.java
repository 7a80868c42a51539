package org.concepthash.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.concepthash.accounts.Roles;
import org.concepthash.jobs.TrainingJobs;
import org.concepthash.onnx.ModelPackageException;
import org.concepthash.serving.EncodingProgress;
import org.concepthash.serving.ModelRegistry;
import org.concepthash.serving.ModelVersion;

/** Model versions: list, register a package trained elsewhere, activate (and so roll back). */
@Controller("/api/models")
class ModelController {

  private final ModelRegistry registry;
  private final TrainingJobs jobs;

  ModelController(ModelRegistry registry, TrainingJobs jobs) {
    this.registry = registry;
    this.jobs = jobs;
  }

  @Get
  @Secured(Roles.VIEWER)
  List<ModelView> list() {
    return registry.list().stream().map(this::view).toList();
  }

  /**
   * Registers a model package (multipart {@code file}), encodes the catalog with it and, with
   * {@code activate=true}, makes it the active version. 201 with the model; 400 for a damaged
   * package.
   */
  @Post(consumes = MediaType.MULTIPART_FORM_DATA)
  @Secured(Roles.ADMIN)
  HttpResponse<ModelView> register(
      @Part("file") CompletedFileUpload file,
      @Nullable @Part("activate") String activate,
      Authentication authentication)
      throws IOException {
    Path upload = Files.createTempFile("concepthash-package", ".zip");
    try {
      try (InputStream in = file.getInputStream()) {
        Files.copy(in, upload, StandardCopyOption.REPLACE_EXISTING);
      }
      ModelVersion version;
      try {
        version =
            registry.register(
                upload, Actors.of(authentication), EncodingProgress.NONE, () -> false);
      } catch (ModelPackageException e) {
        throw new IllegalArgumentException("not a usable model package: " + e.getMessage(), e);
      }
      if ("true".equalsIgnoreCase(activate == null ? "" : activate.strip())) {
        version = registry.activate(version.id(), Actors.of(authentication));
      }
      return HttpResponse.created(view(version));
    } finally {
      Files.deleteIfExists(upload);
    }
  }

  /** Makes a registered version the active one; activating the previous version is the rollback. */
  @Post("/{id}/activate")
  @Secured(Roles.ADMIN)
  ModelView activate(@PathVariable String id, Authentication authentication) throws IOException {
    return view(registry.activate(id, Actors.of(authentication)));
  }

  private ModelView view(ModelVersion v) {
    return ModelView.of(v, jobs.producing(v.id()));
  }
}
