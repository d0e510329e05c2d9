class MinStack {
  constructor() {
    // Set up an empty stack.
  }

  push(val: number): void {}

  pop(): void {}

  top(): number {
    // Return the top element.
    return 0;
  }

  getMin(): number {
    // Return the smallest element in the stack.
    return 0;
  }
}
