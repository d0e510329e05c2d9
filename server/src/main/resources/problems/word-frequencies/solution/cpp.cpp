#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  unordered_map<string, int> wordFrequencies(string text) {
    unordered_map<string, int> counts;
    string word;
    for (char c : text) {
      if (isalpha(static_cast<unsigned char>(c))) {
        word += static_cast<char>(tolower(static_cast<unsigned char>(c)));
      } else if (!word.empty()) {
        counts[word]++;
        word.clear();
      }
    }
    if (!word.empty()) counts[word]++;
    return counts;
  }
};
