#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  vector<int> topKFrequent(vector<int>& nums, int k) {
    // Return the k most frequent values, most frequent first, ties by smaller value.
    return {};
  }
};
