import java.util.*;

class Solution {
  public int minDistance(String a, String b) {
    if (a.length() < b.length()) {
      String t = a; // the rows run over the shorter word
      a = b;
      b = t;
    }
    int m = b.length();
    int[] previous = new int[m + 1];
    int[] current = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = j; // distances from the empty prefix of a
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= m; j++) {
        if (a.charAt(i - 1) == b.charAt(j - 1)) {
          current[j] = previous[j - 1];
        } else {
          current[j] = 1 + Math.min(previous[j - 1], Math.min(previous[j], current[j - 1]));
        }
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[m];
  }
}
