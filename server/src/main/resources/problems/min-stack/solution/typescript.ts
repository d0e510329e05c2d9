class MinStack {
  private readonly values: number[] = [];
  // mins[i] is the minimum of values[0..i].
  private readonly mins: number[] = [];

  push(val: number): void {
    const n = this.mins.length;
    this.values.push(val);
    this.mins.push(n === 0 ? val : Math.min(val, this.mins[n - 1]));
  }

  pop(): void {
    this.values.pop();
    this.mins.pop();
  }

  top(): number {
    return this.values[this.values.length - 1];
  }

  getMin(): number {
    return this.mins[this.mins.length - 1];
  }
}
