#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  ListNode* mergeKLists(vector<ListNode*>& lists) {
    auto larger = [](ListNode* a, ListNode* b) { return a->val > b->val; };
    priority_queue<ListNode*, vector<ListNode*>, decltype(larger)> heads(larger);
    for (ListNode* head : lists) {
      if (head != nullptr) heads.push(head);
    }
    ListNode dummy;
    ListNode* tail = &dummy;
    while (!heads.empty()) {
      ListNode* node = heads.top();
      heads.pop();
      tail->next = node;
      tail = node;
      if (node->next != nullptr) heads.push(node->next);
    }
    return dummy.next;
  }
};
