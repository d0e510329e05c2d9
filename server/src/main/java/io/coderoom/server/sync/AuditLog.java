package io.coderoom.server.sync;

import io.coderoom.server.room.Principal;
import java.util.Map;

/** Where a live room's audit entries go (written off the loop, in the room's audit log). */
@FunctionalInterface
interface AuditLog {
  void write(Principal principal, String action, Map<String, ?> detail);
}
