#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  vector<int> dailyTemperatures(vector<int>& temperatures) {
    // For each day, return how many days later a strictly warmer day comes (0 if none).
    return {};
  }
};
