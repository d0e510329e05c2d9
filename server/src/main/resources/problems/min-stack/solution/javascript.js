class MinStack {
  constructor() {
    this.values = [];
    // mins[i] is the minimum of values[0..i].
    this.mins = [];
  }

  /**
   * @param {number} val
   * @return {void}
   */
  push(val) {
    const n = this.mins.length;
    this.values.push(val);
    this.mins.push(n === 0 ? val : Math.min(val, this.mins[n - 1]));
  }

  /** @return {void} */
  pop() {
    this.values.pop();
    this.mins.pop();
  }

  /** @return {number} */
  top() {
    return this.values[this.values.length - 1];
  }

  /** @return {number} */
  getMin() {
    return this.mins[this.mins.length - 1];
  }
}
