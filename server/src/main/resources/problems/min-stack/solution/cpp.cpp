#include <bits/stdc++.h>
using namespace std;

class MinStack {
  // Each entry is (value, minimum of this value and everything below it).
  vector<pair<int, int>> entries;

public:
  MinStack() {}

  void push(int val) {
    int smallest = entries.empty() ? val : min(val, entries.back().second);
    entries.emplace_back(val, smallest);
  }

  void pop() { entries.pop_back(); }

  int top() { return entries.back().first; }

  int getMin() { return entries.back().second; }
};
