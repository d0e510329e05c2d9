import java.util.*;

class Solution {
  public boolean canFinish(int numCourses, int[][] prerequisites) {
    List<List<Integer>> unlocks = new ArrayList<>();
    for (int c = 0; c < numCourses; c++) {
      unlocks.add(new ArrayList<>());
    }
    int[] waiting = new int[numCourses];
    for (int[] requirement : prerequisites) {
      unlocks.get(requirement[1]).add(requirement[0]);
      waiting[requirement[0]]++;
    }
    ArrayDeque<Integer> ready = new ArrayDeque<>();
    for (int c = 0; c < numCourses; c++) {
      if (waiting[c] == 0) {
        ready.add(c);
      }
    }
    int taken = 0;
    while (!ready.isEmpty()) {
      int course = ready.poll();
      taken++;
      for (int after : unlocks.get(course)) {
        if (--waiting[after] == 0) {
          ready.add(after);
        }
      }
    }
    return taken == numCourses;
  }
}
