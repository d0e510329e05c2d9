using System;
using System.Collections.Generic;

public class RateLimiter {
    private readonly int limit;
    private readonly long windowMs;
    private readonly Queue<long> accepted = new Queue<long>(); // oldest first

    public RateLimiter(int limit, int windowMs) {
        this.limit = limit;
        this.windowMs = windowMs;
    }

    public bool Allow(long timestampMs) {
        while (accepted.Count > 0 && accepted.Peek() <= timestampMs - windowMs) {
            accepted.Dequeue();
        }
        if (accepted.Count < limit) {
            accepted.Enqueue(timestampMs);
            return true;
        }
        return false;
    }
}
