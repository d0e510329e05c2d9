#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int evalRPN(string expression) {
    // Return the value of the postfix expression (tokens separated by single spaces).
    return 0;
  }
};
