class RateLimiter {
  /**
   * @param {number} limit
   * @param {number} windowMs
   */
  constructor(limit, windowMs) {
    // Set up a limiter accepting at most limit requests per windowMs milliseconds.
  }

  /**
   * @param {number} timestampMs
   * @return {boolean} whether the request arriving at timestampMs is accepted
   */
  allow(timestampMs) {
    return false;
  }
}
