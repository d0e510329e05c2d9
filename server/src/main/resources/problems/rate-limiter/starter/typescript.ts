class RateLimiter {
  constructor(limit: number, windowMs: number) {
    // Set up a limiter accepting at most limit requests per windowMs milliseconds.
  }

  allow(timestampMs: number): boolean {
    // Return whether the request arriving at timestampMs is accepted.
    return false;
  }
}
