package org.concepthash.accounts;

import io.micronaut.data.annotation.Repository;
import io.micronaut.data.jpa.repository.JpaRepository;
import java.util.List;
import java.util.Optional;

@Repository
interface UserRepository extends JpaRepository<UserEntity, Long> {
  Optional<UserEntity> findByUsername(String username);

  List<UserEntity> findAllOrderByUsername();

  long countByRoleAndEnabled(String role, boolean enabled);
}
