#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int coinChange(vector<int>& coins, int amount) {
    // Return the fewest coins that add up to amount, or -1 if impossible.
    return 0;
  }
};
