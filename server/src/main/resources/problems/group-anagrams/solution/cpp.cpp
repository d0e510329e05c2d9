#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  vector<vector<string>> groupAnagrams(vector<string>& words) {
    unordered_map<string, vector<string>> groups;
    for (const string& word : words) {
      string key = word;
      sort(key.begin(), key.end());
      groups[key].push_back(word);
    }
    vector<vector<string>> result;
    result.reserve(groups.size());
    for (auto& [key, group] : groups) {
      sort(group.begin(), group.end());
      result.push_back(move(group));
    }
    sort(result.begin(), result.end(),
         [](const vector<string>& a, const vector<string>& b) { return a[0] < b[0]; });
    return result;
  }
};
