#include <bits/stdc++.h>
using namespace std;

// ListNode is provided: int val; ListNode* next; ListNode(x), ListNode(x, next).
class Solution {
public:
  ListNode* reverseList(ListNode* head) {
    // Return the first node of the reversed list.
    return nullptr;
  }
};
