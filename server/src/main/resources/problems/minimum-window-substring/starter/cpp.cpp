#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  string minWindow(string s, string t) {
    // Return the shortest (then leftmost) window of s that contains all letters of t, or "".
    return "";
  }
};
