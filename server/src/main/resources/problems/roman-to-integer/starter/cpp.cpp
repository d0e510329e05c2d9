#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int romanToInt(string s) {
    // Return the integer value of the Roman numeral s.
    return 0;
  }
};
