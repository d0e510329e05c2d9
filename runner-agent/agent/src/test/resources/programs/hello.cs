using System;

public class Program {
  public static void Main() {
    string line = Console.ReadLine();
    Console.WriteLine("hello world");
    Console.WriteLine("stdin: " + line.Trim());
  }
}
