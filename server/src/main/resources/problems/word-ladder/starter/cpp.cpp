#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int ladderLength(string beginWord, string endWord, vector<string>& wordList) {
    // Return the number of words in the shortest ladder from beginWord to endWord, or 0.
    return -1;
  }
};
