#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  string decodeString(string s) {
    // Return s with every k[text] replaced by text repeated k times.
    return "";
  }
};
