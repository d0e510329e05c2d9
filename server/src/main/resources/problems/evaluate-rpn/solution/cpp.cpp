#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int evalRPN(string expression) {
    vector<int> stack;
    istringstream tokens(expression);
    string token;
    while (tokens >> token) {
      if (token == "+" || token == "-" || token == "*" || token == "/") {
        int right = stack.back();
        stack.pop_back();
        int left = stack.back();
        stack.pop_back();
        switch (token[0]) {
          case '+': stack.push_back(left + right); break;
          case '-': stack.push_back(left - right); break;
          case '*': stack.push_back(left * right); break;
          default: stack.push_back(left / right); break;
        }
      } else {
        stack.push_back(stoi(token));
      }
    }
    return stack.back();
  }
};
