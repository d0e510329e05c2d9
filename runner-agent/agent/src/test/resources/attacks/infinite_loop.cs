public class Program {
  static volatile int n;

  public static void Main() {
    for (;;) n++;
  }
}
