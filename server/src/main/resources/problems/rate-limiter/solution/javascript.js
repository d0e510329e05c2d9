class RateLimiter {
  /**
   * @param {number} limit
   * @param {number} windowMs
   */
  constructor(limit, windowMs) {
    this.limit = limit;
    this.windowMs = windowMs;
    // Timestamps of accepted requests; the live ones are accepted[head..].
    this.accepted = [];
    this.head = 0;
  }

  /**
   * @param {number} timestampMs
   * @return {boolean}
   */
  allow(timestampMs) {
    while (this.head < this.accepted.length && this.accepted[this.head] <= timestampMs - this.windowMs) {
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.accepted.length) {
      this.accepted = this.accepted.slice(this.head);
      this.head = 0;
    }
    if (this.accepted.length - this.head < this.limit) {
      this.accepted.push(timestampMs);
      return true;
    }
    return false;
  }
}
