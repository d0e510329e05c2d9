#include <bits/stdc++.h>
using namespace std;

// ListNode is provided: int val; ListNode* next; ListNode(x), ListNode(x, next).
class Solution {
public:
  ListNode* mergeKLists(vector<ListNode*>& lists) {
    // Return the head of one sorted list holding every node of the given lists.
    return nullptr;
  }
};
