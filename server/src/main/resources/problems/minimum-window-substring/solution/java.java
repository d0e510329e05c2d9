import java.util.*;

class Solution {
  public String minWindow(String s, String t) {
    int[] need = new int[128]; // copies the window still needs; negative: surplus copies
    for (char c : t.toCharArray()) {
      need[c]++;
    }
    int missing = t.length(); // total of the positive needs
    int bestStart = 0;
    int bestLength = s.length() + 1;
    int left = 0;
    for (int right = 0; right < s.length(); right++) {
      char c = s.charAt(right);
      if (need[c] > 0) {
        missing--;
      }
      need[c]--;
      while (missing == 0) {
        if (right - left + 1 < bestLength) {
          bestStart = left;
          bestLength = right - left + 1;
        }
        char d = s.charAt(left);
        need[d]++;
        if (need[d] > 0) {
          missing++;
        }
        left++;
      }
    }
    return bestLength <= s.length() ? s.substring(bestStart, bestStart + bestLength) : "";
  }
}
