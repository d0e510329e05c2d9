import java.util.*;

class Solution {
  public int ladderLength(String beginWord, String endWord, String[] wordList) {
    // Return the number of words in the shortest ladder from beginWord to endWord, or 0.
    return -1;
  }
}
