package main

type RateLimiter struct {
	limit    int
	windowMs int64
	accepted []int64 // timestamps of accepted requests, oldest first
}

func Constructor(limit int, windowMs int) RateLimiter {
	return RateLimiter{limit: limit, windowMs: int64(windowMs)}
}

func (this *RateLimiter) Allow(timestampMs int64) bool {
	expired := 0
	for expired < len(this.accepted) && this.accepted[expired] <= timestampMs-this.windowMs {
		expired++
	}
	this.accepted = this.accepted[expired:]
	if len(this.accepted) < this.limit {
		this.accepted = append(this.accepted, timestampMs)
		return true
	}
	return false
}
