import java.util.*;

class Solution {
  public int ladderLength(String beginWord, String endWord, String[] wordList) {
    if (!Arrays.asList(wordList).contains(endWord)) {
      return 0;
    }
    // Words that differ in one position share the pattern with '*' at that position.
    Map<String, List<String>> byPattern = new HashMap<>();
    for (String word : wordList) {
      for (int i = 0; i < word.length(); i++) {
        byPattern.computeIfAbsent(pattern(word, i), k -> new ArrayList<>()).add(word);
      }
    }
    Set<String> seen = new HashSet<>();
    seen.add(beginWord);
    List<String> level = List.of(beginWord);
    for (int length = 1; !level.isEmpty(); length++) {
      List<String> next = new ArrayList<>();
      for (String word : level) {
        for (int i = 0; i < word.length(); i++) {
          // Every word of this group is queued now, so the group is never read again.
          List<String> group = byPattern.remove(pattern(word, i));
          if (group == null) {
            continue;
          }
          for (String neighbour : group) {
            if (neighbour.equals(endWord)) {
              return length + 1;
            }
            if (seen.add(neighbour)) {
              next.add(neighbour);
            }
          }
        }
      }
      level = next;
    }
    return 0;
  }

  private static String pattern(String word, int i) {
    return word.substring(0, i) + '*' + word.substring(i + 1);
  }
}
