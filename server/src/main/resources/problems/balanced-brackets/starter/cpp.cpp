#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  bool isBalanced(string s) {
    // Return true if every bracket in s is closed by one of its kind, properly nested.
    return false;
  }
};
