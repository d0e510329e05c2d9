#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  vector<vector<int>> kClosest(vector<vector<int>>& points, int k) {
    // Return the k points closest to the origin, in any order.
    return {};
  }
};
