import java.util.*;

class Solution {
  public boolean wordBreak(String s, String[] words) {
    Set<String> dictionary = new HashSet<>(Arrays.asList(words));
    int longest = 0;
    for (String word : words) {
      longest = Math.max(longest, word.length());
    }
    int n = s.length();
    boolean[] ok = new boolean[n + 1]; // ok[i]: the first i letters can be split into words
    ok[0] = true;
    for (int i = 1; i <= n; i++) {
      for (int length = 1; length <= Math.min(longest, i); length++) {
        if (ok[i - length] && dictionary.contains(s.substring(i - length, i))) {
          ok[i] = true;
          break;
        }
      }
    }
    return ok[n];
  }
}
