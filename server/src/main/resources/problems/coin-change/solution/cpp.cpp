#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int coinChange(vector<int>& coins, int amount) {
    const int impossible = amount + 1;  // more coins than any payment needs
    vector<int> best(amount + 1, impossible);
    best[0] = 0;
    for (int a = 1; a <= amount; a++) {
      for (int c : coins) {
        if (c <= a && best[a - c] + 1 < best[a]) best[a] = best[a - c] + 1;
      }
    }
    return best[amount] == impossible ? -1 : best[amount];
  }
};
