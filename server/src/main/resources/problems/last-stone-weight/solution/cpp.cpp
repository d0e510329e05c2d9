#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int lastStoneWeight(vector<int>& stones) {
    // priority_queue is a max-heap: the heaviest stone is on top.
    priority_queue<int> pile(stones.begin(), stones.end());
    while (pile.size() > 1) {
      int heaviest = pile.top();
      pile.pop();
      int second = pile.top();
      pile.pop();
      if (heaviest > second) pile.push(heaviest - second);
    }
    return pile.empty() ? 0 : pile.top();
  }
};
