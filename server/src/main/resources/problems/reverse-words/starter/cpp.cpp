#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  string reverseWords(string s) {
    // Return the words of s in reverse order, separated by single spaces.
    return s;
  }
};
