#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int longestValidParentheses(string s) {
    // Return the length of the longest balanced substring of s.
    return -1;
  }
};
