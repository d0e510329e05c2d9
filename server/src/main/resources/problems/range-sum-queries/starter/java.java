import java.io.*;
import java.util.*;

public class Main {
  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    // Input: n, the n values, q, then q lines "l r".
    // Print one line per query with the sum of a[l..r].
    System.out.println(0);
  }
}
