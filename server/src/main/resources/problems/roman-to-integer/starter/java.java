import java.util.*;

class Solution {
  public int romanToInt(String s) {
    // Return the integer value of the Roman numeral s.
    return 0;
  }
}
