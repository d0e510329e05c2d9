#include <bits/stdc++.h>
using namespace std;

class RateLimiter {
  size_t limit;
  long long windowMs;
  deque<long long> accepted;  // oldest first

public:
  RateLimiter(int limit, int windowMs) : limit(limit), windowMs(windowMs) {}

  bool allow(long long timestampMs) {
    while (!accepted.empty() && accepted.front() <= timestampMs - windowMs) {
      accepted.pop_front();
    }
    if (accepted.size() < limit) {
      accepted.push_back(timestampMs);
      return true;
    }
    return false;
  }
};
