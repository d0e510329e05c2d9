#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  long long climbStairs(int n) {
    // Return the number of ways to climb n steps with moves of one or two steps.
    return 0;
  }
};
