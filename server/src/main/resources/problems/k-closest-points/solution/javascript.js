/**
 * @param {number[][]} points
 * @param {number} k
 * @return {number[][]}
 */
function kClosest(points, k) {
  const distance = ([x, y]) => x * x + y * y;
  // A max-heap of the k closest points seen so far, keyed by squared distance.
  const heap = [];
  const swap = (i, j) => ([heap[i], heap[j]] = [heap[j], heap[i]]);
  const siftUp = (i) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent].d >= heap[i].d) return;
      swap(i, parent);
      i = parent;
    }
  };
  const siftDown = (i) => {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      if (left < heap.length && heap[left].d > heap[largest].d) largest = left;
      if (right < heap.length && heap[right].d > heap[largest].d) largest = right;
      if (largest === i) return;
      swap(i, largest);
      i = largest;
    }
  };
  for (const point of points) {
    const d = distance(point);
    if (heap.length < k) {
      heap.push({ d, point });
      siftUp(heap.length - 1);
    } else if (d < heap[0].d) {
      heap[0] = { d, point };
      siftDown(0);
    }
  }
  return heap.map((entry) => entry.point);
}
