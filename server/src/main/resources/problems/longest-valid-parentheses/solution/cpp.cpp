#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int longestValidParentheses(string s) {
    int best = 0;
    // The bottom entry is the index before the current balanced run may start (the last ')' that
    // closed nothing, or -1); above it, the indices of the '(' still open.
    vector<int> stack{-1};
    for (int i = 0; i < (int)s.size(); i++) {
      if (s[i] == '(') {
        stack.push_back(i);
        continue;
      }
      stack.pop_back();
      if (stack.empty()) {
        stack.push_back(i);
      } else {
        best = max(best, i - stack.back());
      }
    }
    return best;
  }
};
