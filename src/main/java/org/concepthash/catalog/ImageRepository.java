package org.concepthash.catalog;

import io.micronaut.data.annotation.Repository;
import io.micronaut.data.jpa.repository.JpaRepository;
import java.util.Optional;

@Repository
interface ImageRepository extends JpaRepository<ImageEntity, Long> {
  Optional<ImageEntity> findBySha256(String sha256);
}
