#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  string decodeString(string s) {
    vector<pair<string, int>> open;  // enclosing text and count of each open group
    string current;
    int count = 0;
    for (char ch : s) {
      if (isdigit((unsigned char) ch)) {
        count = count * 10 + (ch - '0');
      } else if (ch == '[') {
        open.emplace_back(move(current), count);
        current.clear();
        count = 0;
      } else if (ch == ']') {
        auto [outer, k] = move(open.back());
        open.pop_back();
        outer.reserve(outer.size() + current.size() * k);
        for (int i = 0; i < k; i++) outer += current;
        current = move(outer);
      } else {
        current += ch;
      }
    }
    return current;
  }
};
