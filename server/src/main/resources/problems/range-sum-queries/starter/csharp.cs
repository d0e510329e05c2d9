using System;
using System.IO;

public class Program {
    public static void Main() {
        string input = Console.In.ReadToEnd();
        // Input: n, the n values, q, then q lines "l r".
        // Print one line per query with the sum of a[l..r].
        Console.WriteLine(0);
    }
}
