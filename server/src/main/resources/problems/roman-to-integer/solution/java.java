import java.util.*;

class Solution {
  public int romanToInt(String s) {
    int total = 0;
    for (int i = 0; i < s.length(); i++) {
      int value = value(s.charAt(i));
      if (i + 1 < s.length() && value(s.charAt(i + 1)) > value) {
        total -= value;
      } else {
        total += value;
      }
    }
    return total;
  }

  private static int value(char symbol) {
    return switch (symbol) {
      case 'I' -> 1;
      case 'V' -> 5;
      case 'X' -> 10;
      case 'L' -> 50;
      case 'C' -> 100;
      case 'D' -> 500;
      case 'M' -> 1000;
      default -> throw new IllegalArgumentException("not a Roman symbol: " + symbol);
    };
  }
}
