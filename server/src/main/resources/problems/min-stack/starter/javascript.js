class MinStack {
  constructor() {
    // Set up an empty stack.
  }

  /**
   * @param {number} val
   * @return {void}
   */
  push(val) {}

  /** @return {void} */
  pop() {}

  /** @return {number} the top element */
  top() {
    return 0;
  }

  /** @return {number} the smallest element in the stack */
  getMin() {
    return 0;
  }
}
