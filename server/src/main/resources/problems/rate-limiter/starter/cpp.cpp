#include <bits/stdc++.h>
using namespace std;

class RateLimiter {
public:
  RateLimiter(int limit, int windowMs) {
    // Set up a limiter accepting at most limit requests per windowMs milliseconds.
  }

  bool allow(long long timestampMs) {
    // Return whether the request arriving at timestampMs is accepted.
    return false;
  }
};
