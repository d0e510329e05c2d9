import java.util.*;

class Solution {
  public boolean isPalindrome(String s) {
    // Return true if s reads the same both ways, counting only letters and digits, ignoring case.
    return false;
  }
}
