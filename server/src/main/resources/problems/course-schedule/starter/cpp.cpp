#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  bool canFinish(int numCourses, vector<vector<int>>& prerequisites) {
    // Return true if every course can be completed in some order.
    return false;
  }
};
