#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  unordered_map<string, int> wordFrequencies(string text) {
    // Return a map from each lower-case word to its number of occurrences.
    return {};
  }
};
