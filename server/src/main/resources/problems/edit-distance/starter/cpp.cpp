#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int minDistance(string a, string b) {
    // Return the fewest insertions, deletions and replacements that turn a into b.
    return 0;
  }
};
