import java.util.*;

class Solution {
  public boolean isBalanced(String s) {
    // Return true if every bracket in s is closed by one of its kind, properly nested.
    return false;
  }
}
