#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int longestUniqueSubstring(string s) {
    // Return the length of the longest substring of s with no repeated character.
    return 0;
  }
};
