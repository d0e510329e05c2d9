package io.coderoom.runner.agent;

import io.coderoom.runner.protocol.TestSuite;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two problems that use every richer test type, and a correct solution of each per language (what
 * {@link RichTypesIT} runs through the real agent). A language joins the test by adding its two
 * programs to {@link #TOOLKIT} and {@link #ANAGRAMS}.
 *
 * <ul>
 *   <li>{@link #toolkitSuite()}: a design class {@code Toolkit(int base)} whose methods take and
 *       return a {@code TreeNode}, a {@code ListNode}, maps with {@code char}, {@code string} and
 *       {@code int} keys, a {@code char}, a {@code long} beyond 2^32, a {@code double} compared
 *       with the tolerance, and a min stack ({@code void push}, {@code pop} that throws when empty,
 *       {@code min}).
 *   <li>{@link #anagramSuite()}: a function returning {@code string[][]} compared with {@code
 *       any-nested} order, the expected groups written in another order than a natural solution
 *       returns them.
 * </ul>
 */
final class RichTypePrograms {
  private RichTypePrograms() {}

  static TestSuite toolkitSuite() {
    return TestSuite.fromJson(
        """
        {"kind": "design",
         "design": {"class": "Toolkit", "constructor": [{"name": "base", "type": "int"}],
           "methods": [
             {"name": "push", "params": [{"name": "x", "type": "int"}], "returns": "void"},
             {"name": "pop", "params": [], "returns": "int"},
             {"name": "min", "params": [], "returns": "int"},
             {"name": "mirror", "params": [{"name": "root", "type": "TreeNode"}],
              "returns": "TreeNode"},
             {"name": "reverse", "params": [{"name": "head", "type": "ListNode"}],
              "returns": "ListNode"},
             {"name": "count", "params": [{"name": "text", "type": "string"}],
              "returns": "map<char,int>"},
             {"name": "lookup", "params": [{"name": "table", "type": "map<string,long>"},
                                            {"name": "key", "type": "string"}],
              "returns": "long"},
             {"name": "total", "params": [{"name": "table", "type": "map<int,int>"}],
              "returns": "long"},
             {"name": "shift", "params": [{"name": "c", "type": "char"}], "returns": "char"},
             {"name": "twice", "params": [{"name": "x", "type": "long"}], "returns": "long"},
             {"name": "mean", "params": [{"name": "xs", "type": "double[]"}],
              "returns": "double"}]},
         "cases": [
           {"input": [["Toolkit", "push", "push", "min", "pop", "min", "mirror", "mirror",
                       "reverse", "reverse", "count", "lookup", "total", "shift", "twice",
                       "mean"],
                      [[100], [5], [-2], [], [], [], [[1, 2, null, 3]], [[]], [[1, 2, 3]], [[]],
                       ["abca"], [{"x": 7000000000, "y": 1}, "x"], [{"2": 3, "10": 1}], ["a"],
                       [3000000000], [[0.1, 0.2, 0.4]]]],
            "expected": [null, null, null, -2, -2, 5, [1, null, 2, null, 3], [], [3, 2, 1], [],
                         {"a": 2, "b": 1, "c": 1}, 7000000000, 16, "b", 6000000000,
                         0.2333334],
            "hidden": false},
           {"input": [["Toolkit", "min", "pop"], [[7], [], []]], "expected": [null, 7, 0],
            "hidden": false}]}
        """);
  }

  static TestSuite anagramSuite() {
    return TestSuite.fromJson(
        """
        {"function": "groupAnagrams", "params": [{"name": "words", "type": "string[]"}],
         "returns": "string[][]", "order": "any-nested",
         "cases": [
           {"input": [["eat", "tea", "tan", "ate", "nat", "bat"]],
            "expected": [["bat"], ["nat", "tan"], ["ate", "eat", "tea"]], "hidden": false},
           {"input": [[]], "expected": [], "hidden": false},
           {"input": [["ab", "ba", "ab"]], "expected": [["ab", "ab", "ba"]], "hidden": true}]}
        """);
  }

  /** A correct {@code Toolkit} per language. */
  static final Map<String, String> TOOLKIT = new LinkedHashMap<>();

  /** A correct {@code groupAnagrams} per language, returning groups in first-seen order. */
  static final Map<String, String> ANAGRAMS = new LinkedHashMap<>();

  static {
    TOOLKIT.put(
        "python",
        """
        class Toolkit:
            def __init__(self, base: int):
                self.base = base
                self.stack = []
                self.mins = []

            def push(self, x: int) -> None:
                self.stack.append(x)
                self.mins.append(min(x, self.mins[-1]) if self.mins else x)

            def pop(self) -> int:
                self.mins.pop()
                return self.stack.pop()

            def min(self) -> int:
                return self.mins[-1] if self.mins else self.base

            def mirror(self, root: Optional[TreeNode]) -> Optional[TreeNode]:
                if root is None:
                    return None
                return TreeNode(root.val, self.mirror(root.right), self.mirror(root.left))

            def reverse(self, head: Optional[ListNode]) -> Optional[ListNode]:
                prev = None
                while head:
                    head.next, prev, head = prev, head, head.next
                return prev

            def count(self, text: str) -> Dict[str, int]:
                counts = {}
                for c in text:
                    counts[c] = counts.get(c, 0) + 1
                return counts

            def lookup(self, table: Dict[str, int], key: str) -> int:
                return table[key]

            def total(self, table: Dict[int, int]) -> int:
                return sum(k + v for k, v in table.items())

            def shift(self, c: str) -> str:
                return chr(ord(c) + 1)

            def twice(self, x: int) -> int:
                return 2 * x

            def mean(self, xs: List[float]) -> float:
                return sum(xs) / len(xs)
        """);
    ANAGRAMS.put(
        "python",
        """
        def groupAnagrams(words: List[str]) -> List[List[str]]:
            groups = {}
            for w in words:
                groups.setdefault("".join(sorted(w)), []).append(w)
            return list(groups.values())
        """);
    TOOLKIT.put(
        "javascript",
        """
        class Toolkit {
          constructor(base) {
            this.base = base;
            this.stack = [];
            this.mins = [];
          }
          push(x) {
            this.stack.push(x);
            this.mins.push(this.mins.length ? Math.min(x, this.mins[this.mins.length - 1]) : x);
          }
          pop() {
            if (this.stack.length === 0) throw new RangeError("the stack is empty");
            this.mins.pop();
            return this.stack.pop();
          }
          min() {
            return this.mins.length ? this.mins[this.mins.length - 1] : this.base;
          }
          mirror(root) {
            return root === null
              ? null
              : new TreeNode(root.val, this.mirror(root.right), this.mirror(root.left));
          }
          reverse(head) {
            let prev = null;
            while (head !== null) {
              const next = head.next;
              head.next = prev;
              prev = head;
              head = next;
            }
            return prev;
          }
          count(text) {
            const counts = new Map();
            for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
            return counts;
          }
          lookup(table, key) {
            return table.get(key);
          }
          total(table) {
            let sum = 0;
            for (const [k, v] of table) sum += k + v;
            return sum;
          }
          shift(c) {
            return String.fromCharCode(c.charCodeAt(0) + 1);
          }
          twice(x) {
            return 2 * x;
          }
          mean(xs) {
            return xs.reduce((a, b) => a + b, 0) / xs.length;
          }
        }
        """);
    ANAGRAMS.put(
        "javascript",
        """
        function groupAnagrams(words) {
          const groups = new Map();
          for (const w of words) {
            const key = [...w].sort().join("");
            if (!groups.has(key)) groups.set(key, []);
            groups.get(key).push(w);
          }
          return [...groups.values()];
        }
        """);
    TOOLKIT.put(
        "typescript",
        """
        class Toolkit {
          private stack: number[] = [];
          private mins: number[] = [];

          constructor(private base: number) {}

          push(x: number): void {
            this.stack.push(x);
            this.mins.push(this.mins.length ? Math.min(x, this.mins[this.mins.length - 1]) : x);
          }

          pop(): number {
            if (this.stack.length === 0) throw new RangeError("the stack is empty");
            this.mins.pop();
            return this.stack.pop()!;
          }

          min(): number {
            return this.mins.length ? this.mins[this.mins.length - 1] : this.base;
          }

          mirror(root: TreeNode | null): TreeNode | null {
            return root === null
              ? null
              : new TreeNode(root.val, this.mirror(root.right), this.mirror(root.left));
          }

          reverse(head: ListNode | null): ListNode | null {
            let prev: ListNode | null = null;
            while (head !== null) {
              const next: ListNode | null = head.next;
              head.next = prev;
              prev = head;
              head = next;
            }
            return prev;
          }

          count(text: string): Map<string, number> {
            const counts = new Map<string, number>();
            for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
            return counts;
          }

          lookup(table: Map<string, number>, key: string): number {
            return table.get(key)!;
          }

          total(table: Map<number, number>): number {
            let sum = 0;
            for (const [k, v] of table) sum += k + v;
            return sum;
          }

          shift(c: string): string {
            return String.fromCharCode(c.charCodeAt(0) + 1);
          }

          twice(x: number): number {
            return 2 * x;
          }

          mean(xs: number[]): number {
            return xs.reduce((a, b) => a + b, 0) / xs.length;
          }
        }
        """);
    ANAGRAMS.put(
        "typescript",
        """
        function groupAnagrams(words: string[]): string[][] {
          const groups = new Map<string, string[]>();
          for (const w of words) {
            const key = [...w].sort().join("");
            if (!groups.has(key)) groups.set(key, []);
            groups.get(key)!.push(w);
          }
          return [...groups.values()];
        }
        """);
    TOOLKIT.put(
        "java",
        """
        import java.util.*;

        class Toolkit {
          private final int base;
          private final Deque<Integer> stack = new ArrayDeque<>();
          private final Deque<Integer> mins = new ArrayDeque<>();

          Toolkit(int base) {
            this.base = base;
          }

          void push(int x) {
            stack.push(x);
            mins.push(mins.isEmpty() ? x : Math.min(x, mins.peek()));
          }

          int pop() {
            mins.pop();
            return stack.pop();
          }

          int min() {
            return mins.isEmpty() ? base : mins.peek();
          }

          TreeNode mirror(TreeNode root) {
            return root == null ? null : new TreeNode(root.val, mirror(root.right), mirror(root.left));
          }

          ListNode reverse(ListNode head) {
            ListNode prev = null;
            while (head != null) {
              ListNode next = head.next;
              head.next = prev;
              prev = head;
              head = next;
            }
            return prev;
          }

          Map<Character, Integer> count(String text) {
            Map<Character, Integer> counts = new HashMap<>();
            for (char c : text.toCharArray()) {
              counts.merge(c, 1, Integer::sum);
            }
            return counts;
          }

          long lookup(Map<String, Long> table, String key) {
            return table.get(key);
          }

          long total(Map<Integer, Integer> table) {
            long sum = 0;
            for (Map.Entry<Integer, Integer> e : table.entrySet()) {
              sum += (long) e.getKey() + e.getValue();
            }
            return sum;
          }

          char shift(char c) {
            return (char) (c + 1);
          }

          long twice(long x) {
            return 2 * x;
          }

          double mean(double[] xs) {
            double sum = 0;
            for (double x : xs) {
              sum += x;
            }
            return sum / xs.length;
          }
        }
        """);
    ANAGRAMS.put(
        "java",
        """
        import java.util.*;

        class Solution {
          public List<List<String>> groupAnagrams(String[] words) {
            Map<String, List<String>> groups = new LinkedHashMap<>();
            for (String w : words) {
              char[] key = w.toCharArray();
              Arrays.sort(key);
              groups.computeIfAbsent(new String(key), k -> new ArrayList<>()).add(w);
            }
            return new ArrayList<>(groups.values());
          }
        }
        """);
  }

  // The compiled languages' harnesses (C++, Go, C#), each in its own idiom: C++ std containers and
  // pointers, Go's Constructor with exported methods on a pointer receiver, C# PascalCase methods.
  static {
    TOOLKIT.put(
        "cpp",
        """
        class Toolkit {
          int base;
          vector<int> stack, mins;

         public:
          Toolkit(int base) : base(base) {}

          void push(int x) {
            stack.push_back(x);
            mins.push_back(mins.empty() ? x : std::min(x, mins.back()));
          }

          int pop() {
            if (stack.empty()) throw out_of_range("the stack is empty");
            int x = stack.back();
            stack.pop_back();
            mins.pop_back();
            return x;
          }

          int min() { return mins.empty() ? base : mins.back(); }

          TreeNode* mirror(TreeNode* root) {
            return root == nullptr ? nullptr
                                   : new TreeNode(root->val, mirror(root->right), mirror(root->left));
          }

          ListNode* reverse(ListNode* head) {
            ListNode* prev = nullptr;
            while (head != nullptr) {
              ListNode* next = head->next;
              head->next = prev;
              prev = head;
              head = next;
            }
            return prev;
          }

          unordered_map<char, int> count(const string& text) {
            unordered_map<char, int> counts;
            for (char c : text) counts[c]++;
            return counts;
          }

          long long lookup(unordered_map<string, long long>& table, string key) {
            return table.at(key);
          }

          long long total(map<int, int> table) {
            long long sum = 0;
            for (auto& [k, v] : table) sum += (long long) k * v;
            return sum;
          }

          char shift(char c) { return c + 1; }

          long long twice(long long x) { return 2 * x; }

          double mean(const vector<double>& xs) {
            double sum = 0;
            for (double x : xs) sum += x;
            return sum / xs.size();
          }
        };
        """);
    ANAGRAMS.put(
        "cpp",
        """
        class Solution {
         public:
          vector<vector<string>> groupAnagrams(vector<string>& words) {
            unordered_map<string, size_t> index;
            vector<vector<string>> groups;
            for (const string& w : words) {
              string key = w;
              sort(key.begin(), key.end());
              auto found = index.find(key);
              if (found == index.end()) {
                index[key] = groups.size();
                groups.push_back({w});
              } else {
                groups[found->second].push_back(w);
              }
            }
            return groups;
          }
        };
        """);
    TOOLKIT.put(
        "go",
        """
        type Toolkit struct {
        	base  int
        	stack []int
        	mins  []int
        }

        func Constructor(base int) Toolkit {
        	return Toolkit{base: base}
        }

        func (this *Toolkit) Push(x int) {
        	m := x
        	if len(this.mins) > 0 && this.mins[len(this.mins)-1] < x {
        		m = this.mins[len(this.mins)-1]
        	}
        	this.stack = append(this.stack, x)
        	this.mins = append(this.mins, m)
        }

        func (this *Toolkit) Pop() int {
        	x := this.stack[len(this.stack)-1]
        	this.stack = this.stack[:len(this.stack)-1]
        	this.mins = this.mins[:len(this.mins)-1]
        	return x
        }

        func (this *Toolkit) Min() int {
        	if len(this.mins) == 0 {
        		return this.base
        	}
        	return this.mins[len(this.mins)-1]
        }

        func (this *Toolkit) Mirror(root *TreeNode) *TreeNode {
        	if root == nil {
        		return nil
        	}
        	return &TreeNode{Val: root.Val, Left: this.Mirror(root.Right), Right: this.Mirror(root.Left)}
        }

        func (this *Toolkit) Reverse(head *ListNode) *ListNode {
        	var prev *ListNode
        	for head != nil {
        		head.Next, prev, head = prev, head, head.Next
        	}
        	return prev
        }

        func (this *Toolkit) Count(text string) map[byte]int {
        	counts := map[byte]int{}
        	for i := 0; i < len(text); i++ {
        		counts[text[i]]++
        	}
        	return counts
        }

        func (this *Toolkit) Lookup(table map[string]int64, key string) int64 {
        	return table[key]
        }

        func (this *Toolkit) Total(table map[int]int) int64 {
        	var sum int64
        	for k, v := range table {
        		sum += int64(k) * int64(v)
        	}
        	return sum
        }

        func (this *Toolkit) Shift(c byte) byte {
        	return c + 1
        }

        func (this *Toolkit) Twice(x int64) int64 {
        	return 2 * x
        }

        func (this *Toolkit) Mean(xs []float64) float64 {
        	sum := 0.0
        	for _, x := range xs {
        		sum += x
        	}
        	return sum / float64(len(xs))
        }
        """);
    ANAGRAMS.put(
        "go",
        """
        package main

        import "sort"

        func groupAnagrams(words []string) [][]string {
        	index := map[string]int{}
        	groups := [][]string{}
        	for _, w := range words {
        		b := []byte(w)
        		sort.Slice(b, func(i, j int) bool { return b[i] < b[j] })
        		if i, ok := index[string(b)]; ok {
        			groups[i] = append(groups[i], w)
        		} else {
        			index[string(b)] = len(groups)
        			groups = append(groups, []string{w})
        		}
        	}
        	return groups
        }
        """);
    TOOLKIT.put(
        "csharp",
        """
        using System;
        using System.Collections.Generic;
        using System.Linq;

        public class Toolkit {
          private readonly int baseValue;
          private readonly Stack<int> stack = new Stack<int>();
          private readonly Stack<int> mins = new Stack<int>();

          public Toolkit(int baseValue) {
            this.baseValue = baseValue;
          }

          public void Push(int x) {
            stack.Push(x);
            mins.Push(mins.Count == 0 ? x : Math.Min(x, mins.Peek()));
          }

          public int Pop() {
            mins.Pop();
            return stack.Pop();
          }

          public int Min() {
            return mins.Count == 0 ? baseValue : mins.Peek();
          }

          public TreeNode Mirror(TreeNode root) {
            return root == null ? null : new TreeNode(root.val, Mirror(root.right), Mirror(root.left));
          }

          public ListNode Reverse(ListNode head) {
            ListNode prev = null;
            while (head != null) {
              var next = head.next;
              head.next = prev;
              prev = head;
              head = next;
            }
            return prev;
          }

          public Dictionary<char, int> Count(string text) {
            var counts = new Dictionary<char, int>();
            foreach (char c in text) {
              int n;
              counts[c] = counts.TryGetValue(c, out n) ? n + 1 : 1;
            }
            return counts;
          }

          public long Lookup(IDictionary<string, long> table, string key) {
            return table[key];
          }

          public long Total(Dictionary<int, int> table) {
            return table.Sum(e => (long) e.Key * e.Value);
          }

          public char Shift(char c) {
            return (char) (c + 1);
          }

          public long Twice(long x) {
            return 2 * x;
          }

          public double Mean(double[] xs) {
            return xs.Average();
          }
        }
        """);
    ANAGRAMS.put(
        "csharp",
        """
        using System.Collections.Generic;
        using System.Linq;

        public class Solution {
          public IList<IList<string>> GroupAnagrams(string[] words) {
            var groups = new Dictionary<string, List<string>>();
            var order = new List<IList<string>>();
            foreach (var w in words) {
              var key = new string(w.OrderBy(c => c).ToArray());
              List<string> group;
              if (!groups.TryGetValue(key, out group)) {
                group = new List<string>();
                groups[key] = group;
                order.Add(group);
              }
              group.Add(w);
            }
            return order;
          }
        }
        """);
  }

  /** The languages with programs here. */
  static List<String> languages() {
    return List.copyOf(TOOLKIT.keySet());
  }
}
