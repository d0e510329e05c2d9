#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  bool isAnagram(string s, string t) {
    // Return true if t is a rearrangement of the letters of s.
    return false;
  }
};
