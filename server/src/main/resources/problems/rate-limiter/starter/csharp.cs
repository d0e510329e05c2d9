using System;
using System.Collections.Generic;

public class RateLimiter {
    public RateLimiter(int limit, int windowMs) {
        // Set up a limiter accepting at most limit requests per windowMs milliseconds.
    }

    public bool Allow(long timestampMs) {
        // Return whether the request arriving at timestampMs is accepted.
        return false;
    }
}
