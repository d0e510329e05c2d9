import java.util.*;

class Solution {
  public List<List<String>> groupAnagrams(String[] words) {
    // Return the groups of anagrams: each group sorted, groups sorted by first word.
    return new ArrayList<>();
  }
}
