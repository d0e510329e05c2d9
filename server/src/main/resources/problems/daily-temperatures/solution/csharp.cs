using System;
using System.Collections.Generic;

public class Solution {
    public int[] DailyTemperatures(int[] temperatures) {
        var answer = new int[temperatures.Length];
        var waiting = new Stack<int>(); // days without a warmer day yet; temperatures never increase upwards
        for (int i = 0; i < temperatures.Length; i++) {
            while (waiting.Count > 0 && temperatures[waiting.Peek()] < temperatures[i]) {
                int j = waiting.Pop();
                answer[j] = i - j;
            }
            waiting.Push(i);
        }
        return answer;
    }
}
