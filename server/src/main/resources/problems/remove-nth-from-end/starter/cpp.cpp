#include <bits/stdc++.h>
using namespace std;

// ListNode is provided: int val; ListNode* next; ListNode(x), ListNode(x, next).
class Solution {
public:
  ListNode* removeNthFromEnd(ListNode* head, int n) {
    // Return the head of the list without its n-th node from the end.
    return nullptr;
  }
};
