import java.util.*;

class MinStack {
  public MinStack() {
    // Set up an empty stack.
  }

  public void push(int val) {}

  public void pop() {}

  public int top() {
    // Return the top element.
    return 0;
  }

  public int getMin() {
    // Return the smallest element in the stack.
    return 0;
  }
}
