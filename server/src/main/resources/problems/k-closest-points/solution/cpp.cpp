#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  vector<vector<int>> kClosest(vector<vector<int>>& points, int k) {
    // (squared distance, index) of the k closest points seen so far, the farthest on top.
    priority_queue<pair<int, int>> closest;
    for (int i = 0; i < static_cast<int>(points.size()); i++) {
      int d = points[i][0] * points[i][0] + points[i][1] * points[i][1];
      if (static_cast<int>(closest.size()) < k) {
        closest.push({d, i});
      } else if (d < closest.top().first) {
        closest.pop();
        closest.push({d, i});
      }
    }
    vector<vector<int>> result;
    result.reserve(closest.size());
    while (!closest.empty()) {
      result.push_back(points[closest.top().second]);
      closest.pop();
    }
    return result;
  }
};
