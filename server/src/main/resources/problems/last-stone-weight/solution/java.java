import java.util.*;

class Solution {
  public int lastStoneWeight(int[] stones) {
    // The weights in the pile, heaviest on top.
    PriorityQueue<Integer> pile = new PriorityQueue<>(stones.length, Collections.reverseOrder());
    for (int w : stones) {
      pile.add(w);
    }
    while (pile.size() > 1) {
      int heaviest = pile.poll();
      int second = pile.poll();
      if (heaviest > second) {
        pile.add(heaviest - second);
      }
    }
    return pile.isEmpty() ? 0 : pile.peek();
  }
}
