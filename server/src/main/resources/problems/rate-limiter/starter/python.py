class RateLimiter:
    def __init__(self, limit: int, windowMs: int):
        # Set up a limiter accepting at most limit requests per windowMs milliseconds.
        pass

    def allow(self, timestampMs: int) -> bool:
        # Return whether the request arriving at timestampMs is accepted.
        return False
