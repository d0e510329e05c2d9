#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  vector<vector<string>> groupAnagrams(vector<string>& words) {
    // Return the groups of anagrams: each group sorted, groups sorted by first word.
    return {};
  }
};
