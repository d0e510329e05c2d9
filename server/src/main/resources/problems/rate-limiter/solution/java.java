import java.util.*;

class RateLimiter {
  private final int limit;
  private final int windowMs;
  private final ArrayDeque<Long> accepted = new ArrayDeque<>(); // oldest first

  public RateLimiter(int limit, int windowMs) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  public boolean allow(long timestampMs) {
    while (!accepted.isEmpty() && accepted.peekFirst() <= timestampMs - windowMs) {
      accepted.pollFirst();
    }
    if (accepted.size() < limit) {
      accepted.addLast(timestampMs);
      return true;
    }
    return false;
  }
}
