package org.concepthash.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a user may do; each role includes the ones below it: viewer (browse, search) &lt; curator
 * (upload, label, create classes, name concepts) &lt; admin (training, model activation, users).
 */
public enum Role {
  VIEWER,
  CURATOR,
  ADMIN;

  /** The lower-case name used in the database, in tokens and in {@code @Secured}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean includes(Role other) {
    return compareTo(other) >= 0;
  }

  /** This role and every role it includes, as role ids: what a security check compares against. */
  public List<String> grantedIds() {
    List<String> ids = new ArrayList<>();
    for (Role r : values()) {
      if (includes(r)) {
        ids.add(r.id());
      }
    }
    return ids;
  }

  /**
   * The highest role among granted ids (e.g. the roles of a token), or empty when none is known.
   */
  public static java.util.Optional<Role> highestOf(java.util.Collection<String> ids) {
    Role best = null;
    for (Role r : values()) {
      if (ids.contains(r.id())) {
        best = r;
      }
    }
    return java.util.Optional.ofNullable(best);
  }

  public static Role parse(String id) {
    for (Role r : values()) {
      if (r.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown role '" + id + "' (viewer, curator or admin)");
  }
}
