#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  long long climbStairs(int n) {
    long long before = 1;   // ways to reach step 0
    long long current = 1;  // ways to reach step 1
    for (int i = 1; i < n; i++) {
      long long next = before + current;
      before = current;
      current = next;
    }
    return current;
  }
};
