#include <bits/stdc++.h>
using namespace std;

class MinStack {
public:
  MinStack() {
    // Set up an empty stack.
  }

  void push(int val) {}

  void pop() {}

  int top() {
    // Return the top element.
    return 0;
  }

  int getMin() {
    // Return the smallest element in the stack.
    return 0;
  }
};
