function kClosest(points: number[][], k: number): number[][] {
  type Entry = { d: number; point: number[] };
  // A max-heap of the k closest points seen so far, keyed by squared distance.
  const heap: Entry[] = [];
  const swap = (i: number, j: number): void => {
    const t = heap[i];
    heap[i] = heap[j];
    heap[j] = t;
  };
  const siftUp = (i: number): void => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent].d >= heap[i].d) return;
      swap(i, parent);
      i = parent;
    }
  };
  const siftDown = (i: number): void => {
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
    const d = point[0] * point[0] + point[1] * point[1];
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
