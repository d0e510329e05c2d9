#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  bool isPalindrome(string s) {
    // Return true if s reads the same both ways, counting only letters and digits, ignoring case.
    return false;
  }
};
