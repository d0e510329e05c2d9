import java.io.*;

public class Main {
  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    System.out.println("hello world");
    System.out.println("stdin: " + in.readLine().trim());
  }
}
