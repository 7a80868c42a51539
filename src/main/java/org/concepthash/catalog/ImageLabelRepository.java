package org.concepthash.catalog;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.Repository;
import io.micronaut.data.jpa.repository.JpaRepository;
import java.util.List;
import java.util.Optional;

@Repository
interface ImageLabelRepository extends JpaRepository<ImageLabelEntity, Long> {
  Optional<ImageLabelEntity> findByImageIdAndCurrentTrue(Long imageId);

  @Query("select l from ImageLabelEntity l where l.imageId = :imageId order by l.labelledAt, l.id")
  List<ImageLabelEntity> history(Long imageId);

  @Query(
      "update ImageLabelEntity l set l.current = false where l.imageId = :imageId and l.current ="
          + " true")
  void retireCurrent(Long imageId);
}
