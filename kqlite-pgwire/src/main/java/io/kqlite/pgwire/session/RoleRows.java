package io.kqlite.pgwire.session;

import io.kqlite.pgwire.auth.Role;
import io.kqlite.pgwire.auth.RoleStore;
import io.kqlite.pgwire.catalog.JsonText;

/**
 * The roles as the JSON the catalog's {@code pg_roles} view expands:
 * {@code [[name, superuser, login, oid], …]}: the stored roles, and the login user when it has no
 * role row (a trust login, treated as superuser). The session's own role gets OID 10, the owner
 * the rest of the catalog refers to; others a stable OID derived from the name.
 */
final class RoleRows {

  private static final long BOOTSTRAP_USER = 10;

  private RoleRows() {
  }

  static String json(RoleStore roles, String currentUser) {
    StringBuilder out = new StringBuilder("[");
    java.util.List<Role> all = new java.util.ArrayList<>(roles.all());
    if (all.stream().noneMatch(r -> r.name().equals(currentUser))) {
      all.add(0, new Role(currentUser, true, true, null));
    }
    for (Role role : all) {
      if (out.length() > 1) {
        out.append(',');
      }
      long oid = role.name().equals(currentUser) ? BOOTSTRAP_USER
          : 100_000L + (role.name().hashCode() & 0x3fffffff);
      out.append('[');
      out.append(JsonText.quote(role.name()));
      out.append(',').append(role.superuser() ? 1 : 0).append(',').append(role.login() ? 1 : 0)
          .append(',').append(oid).append(']');
    }
    return out.append(']').toString();
  }
}
