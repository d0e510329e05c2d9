#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int minDistance(string a, string b) {
    if (a.size() < b.size()) swap(a, b);  // the rows run over the shorter word
    size_t m = b.size();
    vector<int> previous(m + 1), current(m + 1);
    iota(previous.begin(), previous.end(), 0);  // distances from the empty prefix of a
    for (size_t i = 1; i <= a.size(); i++) {
      current[0] = i;
      for (size_t j = 1; j <= m; j++) {
        if (a[i - 1] == b[j - 1]) current[j] = previous[j - 1];
        else current[j] = 1 + min({previous[j - 1], previous[j], current[j - 1]});
      }
      swap(previous, current);
    }
    return previous[m];
  }
};
