// Every test value type through one design class (the harness declares ListNode and TreeNode).
using System.Collections.Generic;
using System.Linq;

public class TypeTour {
  private readonly int factor;
  private long sum;

  public TypeTour(int factor) {
    this.factor = factor;
  }

  public ListNode Reverse(ListNode head) {
    ListNode done = null;
    while (head != null) {
      var next = head.next;
      head.next = done;
      done = head;
      head = next;
    }
    return done;
  }

  public TreeNode Mirror(TreeNode root) {
    if (root == null) return null;
    var left = Mirror(root.left);
    root.left = Mirror(root.right);
    root.right = left;
    return root;
  }

  public IDictionary<string, int> Count(string[] words) {
    var counts = new Dictionary<string, int>();
    foreach (var w in words) {
      int n;
      counts[w] = counts.TryGetValue(w, out n) ? n + 1 : 1;
    }
    return counts;
  }

  public char Shift(char c) {
    return (char) (c + 1);
  }

  public long Scale(long x) {
    return x * factor;
  }

  public double Mean(int[] xs) {
    return xs.Average();
  }

  public int[][] Transpose(int[][] grid) {
    var output = new int[grid[0].Length][];
    for (int c = 0; c < output.Length; c++) {
      output[c] = new int[grid.Length];
      for (int r = 0; r < grid.Length; r++) output[c][r] = grid[r][c];
    }
    return output;
  }

  public Dictionary<long, char> Invert(Dictionary<char, long> m) {
    return m.ToDictionary(e => e.Value, e => e.Key);
  }

  public char[] Letters(string s) {
    return s.ToCharArray();
  }

  public void Add(int x) {
    sum += x;
  }

  public long Total() {
    return sum;
  }

  public bool AllTrue(IList<bool> flags) {
    return flags.All(f => f);
  }

  public IDictionary<int, int> Groups(IDictionary<int, IList<string>> byLength) {
    return byLength.ToDictionary(e => e.Key, e => e.Value.Count);
  }

  public IList<ListNode> Lists(int[][] values) {
    var output = new List<ListNode>();
    foreach (var v in values) {
      ListNode head = null;
      for (int k = v.Length - 1; k >= 0; k--) head = new ListNode(v[k], head);
      output.Add(head);
    }
    return output;
  }
}
