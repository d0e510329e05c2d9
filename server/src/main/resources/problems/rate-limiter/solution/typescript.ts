class RateLimiter {
  // Timestamps of accepted requests; the live ones are accepted[head..].
  private accepted: number[] = [];
  private head = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  allow(timestampMs: number): boolean {
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
