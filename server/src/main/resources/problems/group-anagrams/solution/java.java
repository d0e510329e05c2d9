import java.util.*;

class Solution {
  public List<List<String>> groupAnagrams(String[] words) {
    Map<String, List<String>> groups = new HashMap<>();
    for (String word : words) {
      char[] letters = word.toCharArray();
      Arrays.sort(letters);
      groups.computeIfAbsent(new String(letters), k -> new ArrayList<>()).add(word);
    }
    List<List<String>> result = new ArrayList<>(groups.values());
    for (List<String> group : result) {
      Collections.sort(group);
    }
    result.sort(Comparator.comparing(group -> group.get(0)));
    return result;
  }
}
