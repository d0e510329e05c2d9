/**
 * @param {number[]} stones
 * @return {number}
 */
function lastStoneWeight(stones) {
  // A max-heap of the weights in the pile, in an array: the heaviest stone at index 0.
  const heap = [];
  const swap = (i, j) => ([heap[i], heap[j]] = [heap[j], heap[i]]);
  const push = (w) => {
    heap.push(w);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent] >= heap[i]) return;
      swap(i, parent);
      i = parent;
    }
  };
  const pop = () => {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let largest = i;
        if (left < heap.length && heap[left] > heap[largest]) largest = left;
        if (right < heap.length && heap[right] > heap[largest]) largest = right;
        if (largest === i) break;
        swap(i, largest);
        i = largest;
      }
    }
    return top;
  };
  for (const w of stones) push(w);
  while (heap.length > 1) {
    const heaviest = pop();
    const second = pop();
    if (heaviest > second) push(heaviest - second);
  }
  return heap.length === 1 ? heap[0] : 0;
}
