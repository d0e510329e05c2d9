#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  vector<int> topKFrequent(vector<int>& nums, int k) {
    unordered_map<int, int> counts;
    for (int x : nums) counts[x]++;
    // Pairs (-count, value): the largest pair is the worst one, and sits on top of the heap.
    priority_queue<pair<int, int>> best;
    for (const auto& [value, count] : counts) {
      best.push({-count, value});
      if ((int) best.size() > k) best.pop();
    }
    vector<int> result(k);
    for (int i = k - 1; i >= 0; i--) {
      result[i] = best.top().second;
      best.pop();
    }
    return result;
  }
};
