import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.InputStreamReader;

// Fails with the IOException of the first write that does not fit.
public class Main {
  public static void main(String[] args) throws Exception {
    String target = new BufferedReader(new InputStreamReader(System.in)).readLine().trim();
    byte[] chunk = new byte[1_000_000];
    for (int n = 0; ; n++) {
      try (FileOutputStream f = new FileOutputStream(target + "/fill-" + n)) {
        for (int i = 0; i < 8; i++) f.write(chunk);
      }
    }
  }
}
