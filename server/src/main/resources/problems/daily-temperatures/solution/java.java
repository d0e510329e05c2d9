import java.util.*;

class Solution {
  public int[] dailyTemperatures(int[] temperatures) {
    int n = temperatures.length;
    int[] answer = new int[n];
    // Days without a warmer day yet; their temperatures never increase towards the top.
    int[] waiting = new int[n];
    int top = 0;
    for (int i = 0; i < n; i++) {
      while (top > 0 && temperatures[waiting[top - 1]] < temperatures[i]) {
        int j = waiting[--top];
        answer[j] = i - j;
      }
      waiting[top++] = i;
    }
    return answer;
  }
}
