using System;
using System.Collections.Generic;

public class Solution {
    public bool CanFinish(int numCourses, int[][] prerequisites) {
        var unlocks = new List<int>[numCourses];
        for (int c = 0; c < numCourses; c++) unlocks[c] = new List<int>();
        var waiting = new int[numCourses];
        foreach (int[] requirement in prerequisites) {
            unlocks[requirement[1]].Add(requirement[0]);
            waiting[requirement[0]]++;
        }
        var ready = new Queue<int>();
        for (int c = 0; c < numCourses; c++) {
            if (waiting[c] == 0) ready.Enqueue(c);
        }
        int taken = 0;
        while (ready.Count > 0) {
            int course = ready.Dequeue();
            taken++;
            foreach (int after in unlocks[course]) {
                if (--waiting[after] == 0) ready.Enqueue(after);
            }
        }
        return taken == numCourses;
    }
}
