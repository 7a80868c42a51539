package org.concepthash.catalog;

import io.micronaut.core.annotation.Introspected;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A stored catalog image (table {@code image}). Never leaves the catalog package: see {@link
 * ImageView}.
 */
@Entity
@Introspected(accessKind = Introspected.AccessKind.FIELD)
@Table(name = "image")
public class ImageEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, updatable = false)
  public String sha256;

  @Column(name = "storage_key", nullable = false, updatable = false)
  public String storageKey;

  @Column(name = "media_type", nullable = false, updatable = false)
  public String mediaType;

  @Column(name = "byte_size", nullable = false, updatable = false)
  public long byteSize;

  @Column(nullable = false, updatable = false)
  public int width;

  @Column(nullable = false, updatable = false)
  public int height;

  @Column(name = "original_name", nullable = false)
  public String originalName;

  @Column(nullable = false)
  public String source;

  @Column(nullable = false)
  public String split;

  @Column(name = "bbox_x")
  public Float bboxX;

  @Column(name = "bbox_y")
  public Float bboxY;

  @Column(name = "bbox_width")
  public Float bboxWidth;

  @Column(name = "bbox_height")
  public Float bboxHeight;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant createdAt;
}
