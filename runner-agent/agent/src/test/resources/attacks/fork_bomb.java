import java.lang.ProcessBuilder.Redirect;

// Starts children until the sandbox refuses one, says how many it got, and holds them all.
public class Main {
  public static void main(String[] args) throws Exception {
    int n = 0;
    try {
      for (; ; n++) {
        new ProcessBuilder("sleep", "1000")
            .redirectOutput(Redirect.DISCARD)
            .redirectError(Redirect.DISCARD)
            .start();
      }
    } catch (Throwable refused) {
      System.out.println("refused after " + n + " children");
    }
    Thread.sleep(Long.MAX_VALUE);
  }
}
