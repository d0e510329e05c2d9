#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int minPrintSpeed(vector<int>& stacks, int h) {
    // Return the smallest speed k that prints every stack within h hours.
    return 0;
  }
};
