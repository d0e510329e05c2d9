import java.util.*;

class Solution {
  public String reverseWords(String s) {
    List<String> words = new ArrayList<>(Arrays.asList(s.trim().split(" +")));
    Collections.reverse(words);
    return String.join(" ", words);
  }
}
