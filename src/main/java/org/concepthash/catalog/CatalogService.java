package org.concepthash.catalog;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading and curating the catalog: listing with filters, image details and label history, classes
 * and labels. Every change records who made it. Callers (views, controllers, commands) get records,
 * never entities.
 */
@Singleton
public class CatalogService {

  private static final int MAX_PAGE_SIZE = 500;

  private final EntityManager em;
  private final ImageRepository images;
  private final ImageClassRepository classes;
  private final ImageLabelRepository labels;
  private final Clock clock;
  private final ApplicationEventPublisher<ImagesRelabelled> relabelled;

  CatalogService(
      EntityManager em,
      ImageRepository images,
      ImageClassRepository classes,
      ImageLabelRepository labels,
      Clock clock,
      ApplicationEventPublisher<ImagesRelabelled> relabelled) {
    this.relabelled = relabelled;
    this.em = em;
    this.images = images;
    this.classes = classes;
    this.labels = labels;
    this.clock = clock;
  }

  /** Lists images, newest first; {@code page} is 0-based. */
  @Transactional
  public PageOf<ImageView> list(ImageFilter filter, int page, int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw CatalogException.invalid("page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
    }
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, params);
    String from =
        " from ImageEntity i left join ImageLabelEntity l on l.imageId = i.id and l.current = true"
            + " left join l.imageClass c";
    TypedQuery<Object[]> q =
        em.createQuery("select i, c" + from + where + " order by i.id desc", Object[].class);
    TypedQuery<Long> count = em.createQuery("select count(i)" + from + where, Long.class);
    params.forEach(
        (k, v) -> {
          q.setParameter(k, v);
          count.setParameter(k, v);
        });
    q.setFirstResult(Math.toIntExact((long) page * size));
    q.setMaxResults(size);
    List<ImageView> content = new ArrayList<>();
    for (Object[] row : q.getResultList()) {
      content.add(view((ImageEntity) row[0], (ImageClassEntity) row[1]));
    }
    return new PageOf<>(content, count.getSingleResult(), page, size);
  }

  private static String where(ImageFilter f, Map<String, Object> params) {
    List<String> terms = new ArrayList<>();
    if (f.label() != null) {
      terms.add("c.name = :label");
      params.put("label", f.label());
    }
    if (f.family() != null) {
      terms.add("c.family = :family");
      params.put("family", f.family());
    }
    if (f.labelled() != null) {
      terms.add(f.labelled() ? "c.id is not null" : "c.id is null");
    }
    if (f.split() != null) {
      terms.add("i.split = :split");
      params.put("split", f.split().lowerName());
    }
    return terms.isEmpty() ? "" : " where " + String.join(" and ", terms);
  }

  @Transactional
  public Optional<ImageView> find(long id) {
    return images.findById(id).map(this::view);
  }

  /**
   * Several images in one query, by id; ids without an image are left out (search results, atlas).
   */
  @Transactional
  public Map<Long, ImageView> findAll(Collection<Long> ids) {
    Map<Long, ImageView> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    TypedQuery<Object[]> q =
        em.createQuery(
            "select i, c from ImageEntity i left join ImageLabelEntity l on l.imageId = i.id and"
                + " l.current = true left join l.imageClass c where i.id in :ids",
            Object[].class);
    q.setParameter("ids", ids);
    for (Object[] row : q.getResultList()) {
      ImageView v = view((ImageEntity) row[0], (ImageClassEntity) row[1]);
      out.put(v.id(), v);
    }
    return out;
  }

  @Transactional
  public Optional<ImageView> findBySha256(String sha256) {
    return images.findBySha256(sha256).map(this::view);
  }

  /** The stored file key of an image, for the image store. */
  @Transactional
  public Optional<String> storageKey(long id) {
    return images.findById(id).map(i -> i.storageKey);
  }

  @Transactional
  public List<LabelEvent> labelHistory(long imageId) {
    requireImage(imageId);
    return labels.history(imageId).stream()
        .map(
            l ->
                new LabelEvent(
                    l.imageClass == null ? null : l.imageClass.name,
                    l.labelledBy,
                    l.labelledAt,
                    l.current))
        .toList();
  }

  /**
   * Sets (or, with a null class name, removes) the label of an image. The class must exist. Setting
   * the label an image already has records nothing.
   */
  @Transactional
  public ImageView setLabel(long imageId, String className, String actor) {
    ImageEntity image = requireImage(imageId);
    ImageClassEntity target = null;
    if (className != null && !className.isBlank()) {
      target =
          classes
              .findByName(className.strip())
              .orElseThrow(
                  () ->
                      CatalogException.invalid(
                          "unknown class '" + className.strip() + "': create it first"));
    }
    Optional<ImageLabelEntity> current = labels.findByImageIdAndCurrentTrue(imageId);
    ImageClassEntity before = current.map(l -> l.imageClass).orElse(null);
    boolean unchanged =
        before == null ? target == null : target != null && before.id.equals(target.id);
    if (unchanged) {
      return view(image, target);
    }
    if (current.isPresent()) {
      labels.retireCurrent(imageId);
      em.flush();
    }
    ImageLabelEntity event = new ImageLabelEntity();
    event.imageId = imageId;
    event.imageClass = target;
    // a removal stays in the history without being a current label
    event.current = target != null;
    event.labelledBy = actor;
    event.labelledAt = clock.instant();
    labels.save(event);
    // delivered after the commit (see CatalogSearchIndex), so a rolled-back change never reaches
    // the index
    relabelled.publishEvent(new ImagesRelabelled(List.of(imageId)));
    return view(image, target);
  }

  /**
   * Labels several images in one transaction (all or none); with {@code createClass} a class of
   * that name is created first when missing.
   */
  @Transactional
  public void setLabels(
      Collection<Long> imageIds, String className, boolean createClass, String actor) {
    if (createClass) {
      ensureClass(new NewClass(className, null, null), actor);
    }
    for (long id : imageIds) {
      setLabel(id, className, actor);
    }
  }

  @Transactional
  public List<ClassView> classes() {
    Map<Long, Long> counts = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "select l.imageClass.id, count(l) from ImageLabelEntity l where l.current = true"
                    + " group by l.imageClass.id",
                Object[].class)
            .getResultList()) {
      counts.put((Long) row[0], (Long) row[1]);
    }
    return classes.findAllOrderByName().stream()
        .map(c -> classView(c, counts.getOrDefault(c.id, 0L)))
        .toList();
  }

  @Transactional
  public Optional<ClassView> findClass(String name) {
    return classes.findByName(name.strip()).map(c -> classView(c, 0));
  }

  /** Creates a class; a class of the same name must not exist. */
  @Transactional
  public ClassView createClass(NewClass spec, String actor) {
    if (classes.findByName(spec.name()).isPresent()) {
      throw CatalogException.conflict("a class named '" + spec.name() + "' exists already");
    }
    return classView(insertClass(spec, actor), 0);
  }

  /** Returns the class of this name, creating it when missing (import, upload with a new label). */
  @Transactional
  public ClassView ensureClass(NewClass spec, String actor) {
    return classes
        .findByName(spec.name())
        .map(c -> classView(c, 0))
        .orElseGet(() -> classView(insertClass(spec, actor), 0));
  }

  private ImageClassEntity insertClass(NewClass spec, String actor) {
    ImageClassEntity c = new ImageClassEntity();
    c.name = spec.name();
    c.displayName = spec.displayName();
    c.family = spec.family();
    c.createdBy = actor;
    c.createdAt = clock.instant();
    return classes.save(c);
  }

  private ImageEntity requireImage(long id) {
    return images
        .findById(id)
        .orElseThrow(() -> CatalogException.notFound("no image with id " + id));
  }

  private ImageView view(ImageEntity image) {
    ImageClassEntity c =
        labels.findByImageIdAndCurrentTrue(image.id).map(l -> l.imageClass).orElse(null);
    return view(image, c);
  }

  static ImageView view(ImageEntity i, ImageClassEntity c) {
    return new ImageView(
        i.id,
        i.sha256,
        i.width,
        i.height,
        i.byteSize,
        i.originalName,
        i.source,
        i.split,
        c == null ? null : c.name,
        c == null ? null : c.displayName,
        c == null ? null : c.family,
        i.createdAt);
  }

  private static ClassView classView(ImageClassEntity c, long count) {
    return new ClassView(c.id, c.name, c.displayName, c.family, count);
  }
}
