package org.concepthash.catalog;

import io.micronaut.data.annotation.Repository;
import io.micronaut.data.jpa.repository.JpaRepository;
import java.util.List;
import java.util.Optional;

@Repository
interface ImageClassRepository extends JpaRepository<ImageClassEntity, Long> {
  Optional<ImageClassEntity> findByName(String name);

  List<ImageClassEntity> findAllOrderByName();
}
