#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int minPrintSpeed(vector<int>& stacks, int h) {
    auto hours = [&](long long k) {
      long long total = 0;
      for (int p : stacks) total += (p + k - 1) / k;
      return total;
    };
    int lo = 1, hi = *max_element(stacks.begin(), stacks.end());
    while (lo < hi) {
      int mid = lo + (hi - lo) / 2;
      if (hours(mid) <= h) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
};
