/** A binary heap of numbers; `before(a, b)` is true when a belongs nearer the top than b. */
class BinaryHeap {
  private readonly items: number[] = [];

  constructor(private readonly before: (a: number, b: number) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  peek(): number {
    return this.items[0];
  }

  push(x: number): void {
    const items = this.items;
    items.push(x);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): number {
    const items = this.items;
    const top = items[0];
    const last = items.pop() as number;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let first = i;
        if (left < items.length && this.before(items[left], items[first])) first = left;
        if (right < items.length && this.before(items[right], items[first])) first = right;
        if (first === i) break;
        [items[i], items[first]] = [items[first], items[i]];
        i = first;
      }
    }
    return top;
  }
}

class MedianFinder {
  // Every value in low is <= every value in high; low has as many elements as high or one more.
  private readonly low = new BinaryHeap((a, b) => a > b);
  private readonly high = new BinaryHeap((a, b) => a < b);

  addNum(num: number): void {
    this.low.push(num);
    this.high.push(this.low.pop());
    if (this.high.size > this.low.size) {
      this.low.push(this.high.pop());
    }
  }

  findMedian(): number {
    if (this.low.size > this.high.size) {
      return this.low.peek();
    }
    return (this.low.peek() + this.high.peek()) / 2;
  }
}
