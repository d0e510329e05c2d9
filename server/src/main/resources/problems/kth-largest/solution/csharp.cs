using System;
using System.Collections.Generic;

public class Solution {
    public int FindKthLargest(int[] nums, int k) {
        // A min-heap of the k largest values seen so far, in an array.
        var heap = new int[k];
        int size = 0;
        foreach (int x in nums) {
            if (size < k) {
                heap[size] = x;
                SiftUp(heap, size++);
            } else if (x > heap[0]) {
                heap[0] = x;
                SiftDown(heap, size, 0);
            }
        }
        return heap[0];
    }

    private static void SiftUp(int[] heap, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (heap[parent] <= heap[i]) return;
            Swap(heap, i, parent);
            i = parent;
        }
    }

    private static void SiftDown(int[] heap, int size, int i) {
        while (true) {
            int left = 2 * i + 1, right = left + 1, smallest = i;
            if (left < size && heap[left] < heap[smallest]) smallest = left;
            if (right < size && heap[right] < heap[smallest]) smallest = right;
            if (smallest == i) return;
            Swap(heap, i, smallest);
            i = smallest;
        }
    }

    private static void Swap(int[] heap, int i, int j) {
        int t = heap[i];
        heap[i] = heap[j];
        heap[j] = t;
    }
}
