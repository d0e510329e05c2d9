#include <bits/stdc++.h>
using namespace std;

// ListNode is provided: int val; ListNode* next; ListNode(x), ListNode(x, next).
class Solution {
public:
  ListNode* mergeTwoLists(ListNode* list1, ListNode* list2) {
    // Return the head of the merged sorted list.
    return nullptr;
  }
};
