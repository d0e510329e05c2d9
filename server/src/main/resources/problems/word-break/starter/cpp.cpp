#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  bool wordBreak(string s, vector<string>& words) {
    // Return true if s can be cut into pieces that are all in words.
    return false;
  }
};
