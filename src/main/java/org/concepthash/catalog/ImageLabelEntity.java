package org.concepthash.catalog;

import io.micronaut.core.annotation.Introspected;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One event of an image's label history (table {@code image_label}); the row with {@code current}
 * set is the image's label. A null class records that the label was removed.
 */
@Entity
@Introspected(accessKind = Introspected.AccessKind.FIELD)
@Table(name = "image_label")
public class ImageLabelEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "image_id", nullable = false, updatable = false)
  public Long imageId;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "class_id", updatable = false)
  public ImageClassEntity imageClass;

  @Column(nullable = false)
  public boolean current;

  @Column(name = "labelled_by", nullable = false, updatable = false)
  public String labelledBy;

  @Column(name = "labelled_at", nullable = false, updatable = false)
  public Instant labelledAt;
}
