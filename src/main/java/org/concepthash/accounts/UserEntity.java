package org.concepthash.accounts;

import io.micronaut.core.annotation.Introspected;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user account (table {@code app_user}). */
@Entity
@Introspected(accessKind = Introspected.AccessKind.FIELD)
@Table(name = "app_user")
public class UserEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, unique = true, updatable = false)
  public String username;

  @Column(name = "password_hash", nullable = false)
  public String passwordHash;

  @Column(nullable = false)
  public String role;

  @Column(nullable = false)
  public boolean enabled;

  @Column(name = "created_by", nullable = false, updatable = false)
  public String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
