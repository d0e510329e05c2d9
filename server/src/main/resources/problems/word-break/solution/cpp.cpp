#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  bool wordBreak(string s, vector<string>& words) {
    unordered_set<string_view> dictionary(words.begin(), words.end());
    size_t longest = 0;
    for (const string& word : words) longest = max(longest, word.size());
    size_t n = s.size();
    string_view text(s);
    vector<bool> ok(n + 1, false);  // ok[i]: the first i letters can be split into words
    ok[0] = true;
    for (size_t i = 1; i <= n; i++) {
      for (size_t length = 1; length <= min(longest, i); length++) {
        if (ok[i - length] && dictionary.count(text.substr(i - length, length))) {
          ok[i] = true;
          break;
        }
      }
    }
    return ok[n];
  }
};
