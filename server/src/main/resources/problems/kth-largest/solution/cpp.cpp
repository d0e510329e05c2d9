#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int findKthLargest(vector<int>& nums, int k) {
    // The k largest values seen so far, smallest on top.
    priority_queue<int, vector<int>, greater<int>> largest;
    for (int x : nums) {
      largest.push(x);
      if ((int) largest.size() > k) largest.pop();
    }
    return largest.top();
  }
};
