import java.util.*;

class Solution {
  public Map<String, Integer> wordFrequencies(String text) {
    Map<String, Integer> counts = new HashMap<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean letter = i < text.length() && isLetter(text.charAt(i));
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        counts.merge(text.substring(start, i).toLowerCase(Locale.ROOT), 1, Integer::sum);
        start = -1;
      }
    }
    return counts;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
