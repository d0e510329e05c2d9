#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int ladderLength(string beginWord, string endWord, vector<string>& wordList) {
    if (find(wordList.begin(), wordList.end(), endWord) == wordList.end()) return 0;
    // Words that differ in one position share the pattern with '*' at that position.
    unordered_map<string, vector<string>> byPattern;
    for (const string& word : wordList) {
      for (size_t i = 0; i < word.size(); i++) {
        string pattern = word;
        pattern[i] = '*';
        byPattern[pattern].push_back(word);
      }
    }
    unordered_set<string> seen{beginWord};
    vector<string> level{beginWord};
    for (int length = 1; !level.empty(); length++) {
      vector<string> next;
      for (const string& word : level) {
        for (size_t i = 0; i < word.size(); i++) {
          string pattern = word;
          pattern[i] = '*';
          auto group = byPattern.find(pattern);
          if (group == byPattern.end()) continue;
          for (const string& neighbour : group->second) {
            if (neighbour == endWord) return length + 1;
            if (seen.insert(neighbour).second) next.push_back(neighbour);
          }
          // Every word of this group is queued now, so the group is never read again.
          byPattern.erase(group);
        }
      }
      level = move(next);
    }
    return 0;
  }
};
