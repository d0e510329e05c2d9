#include <bits/stdc++.h>
using namespace std;

class Solution {
 public:
  string reverseWords(string s) {
    istringstream in(s);
    vector<string> words;
    for (string w; in >> w;) words.push_back(w);
    string out;
    for (int i = (int) words.size() - 1; i >= 0; i--) {
      out += words[i];
      if (i > 0) out += ' ';
    }
    return out;
  }
};
