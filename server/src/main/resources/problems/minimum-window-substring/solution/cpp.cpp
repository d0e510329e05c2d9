#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  string minWindow(string s, string t) {
    array<int, 128> need{};  // copies the window still needs; negative: surplus copies
    for (char c : t) need[c]++;
    int missing = t.size();  // total of the positive needs
    int n = s.size();
    int bestStart = 0, bestLength = n + 1;
    int left = 0;
    for (int right = 0; right < n; right++) {
      if (need[s[right]]-- > 0) missing--;
      while (missing == 0) {
        if (right - left + 1 < bestLength) {
          bestStart = left;
          bestLength = right - left + 1;
        }
        if (++need[s[left]] > 0) missing++;
        left++;
      }
    }
    return bestLength <= n ? s.substr(bestStart, bestLength) : "";
  }
};
