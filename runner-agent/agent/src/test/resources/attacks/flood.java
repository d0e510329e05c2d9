import java.io.OutputStream;

public class Main {
  public static void main(String[] args) throws Exception {
    byte[] chunk = "x".repeat(1_000_000).getBytes();
    OutputStream out = System.out;
    for (int i = 0; i < 100; i++) out.write(chunk);
    out.flush();
  }
}
