import java.util.*;

class Solution {
  public Map<String, Integer> wordFrequencies(String text) {
    // Return a map from each lower-case word to its number of occurrences.
    return new HashMap<>();
  }
}
