using System;
using System.Collections.Generic;

public class Solution {
    public int[][] KClosest(int[][] points, int k) {
        // A max-heap of the k closest points seen so far, keyed by squared distance.
        var heap = new int[k][];
        int size = 0;
        foreach (int[] point in points) {
            if (size < k) {
                heap[size] = point;
                SiftUp(heap, size++);
            } else if (Distance(point) < Distance(heap[0])) {
                heap[0] = point;
                SiftDown(heap, size, 0);
            }
        }
        return heap;
    }

    private static int Distance(int[] point) {
        return point[0] * point[0] + point[1] * point[1];
    }

    private static void SiftUp(int[][] heap, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (Distance(heap[parent]) >= Distance(heap[i])) return;
            Swap(heap, i, parent);
            i = parent;
        }
    }

    private static void SiftDown(int[][] heap, int size, int i) {
        while (true) {
            int left = 2 * i + 1, right = left + 1, largest = i;
            if (left < size && Distance(heap[left]) > Distance(heap[largest])) largest = left;
            if (right < size && Distance(heap[right]) > Distance(heap[largest])) largest = right;
            if (largest == i) return;
            Swap(heap, i, largest);
            i = largest;
        }
    }

    private static void Swap(int[][] heap, int i, int j) {
        int[] t = heap[i];
        heap[i] = heap[j];
        heap[j] = t;
    }
}
