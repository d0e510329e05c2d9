package main

type RateLimiter struct {
	// The limiter's fields.
}

func Constructor(limit int, windowMs int) RateLimiter {
	// Set up a limiter accepting at most limit requests per windowMs milliseconds.
	return RateLimiter{}
}

func (this *RateLimiter) Allow(timestampMs int64) bool {
	// Return whether the request arriving at timestampMs is accepted.
	return false
}
