#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  bool canFinish(int numCourses, vector<vector<int>>& prerequisites) {
    vector<vector<int>> unlocks(numCourses);
    vector<int> waiting(numCourses, 0);
    for (const auto& requirement : prerequisites) {
      unlocks[requirement[1]].push_back(requirement[0]);
      waiting[requirement[0]]++;
    }
    queue<int> ready;
    for (int c = 0; c < numCourses; c++) {
      if (waiting[c] == 0) ready.push(c);
    }
    int taken = 0;
    while (!ready.empty()) {
      int course = ready.front();
      ready.pop();
      taken++;
      for (int after : unlocks[course]) {
        if (--waiting[after] == 0) ready.push(after);
      }
    }
    return taken == numCourses;
  }
};
