using System;
using System.Collections.Generic;

public class Solution {
    public int LastStoneWeight(int[] stones) {
        // A max-heap of the weights in the pile, in an array: the heaviest stone at index 0.
        var heap = new int[stones.Length];
        int size = 0;
        foreach (int w in stones) {
            heap[size] = w;
            SiftUp(heap, size++);
        }
        while (size > 1) {
            int heaviest = Pop(heap, ref size);
            int second = Pop(heap, ref size);
            if (heaviest > second) {
                heap[size] = heaviest - second;
                SiftUp(heap, size++);
            }
        }
        return size == 1 ? heap[0] : 0;
    }

    private static int Pop(int[] heap, ref int size) {
        int top = heap[0];
        heap[0] = heap[--size];
        SiftDown(heap, size, 0);
        return top;
    }

    private static void SiftUp(int[] heap, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (heap[parent] >= heap[i]) return;
            Swap(heap, i, parent);
            i = parent;
        }
    }

    private static void SiftDown(int[] heap, int size, int i) {
        while (true) {
            int left = 2 * i + 1, right = left + 1, largest = i;
            if (left < size && heap[left] > heap[largest]) largest = left;
            if (right < size && heap[right] > heap[largest]) largest = right;
            if (largest == i) return;
            Swap(heap, i, largest);
            i = largest;
        }
    }

    private static void Swap(int[] heap, int i, int j) {
        int t = heap[i];
        heap[i] = heap[j];
        heap[j] = t;
    }
}
