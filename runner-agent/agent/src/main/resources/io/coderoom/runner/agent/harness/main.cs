// Coderoom function-mode harness (C#). See io.coderoom.runner.agent.harness.Harness.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Text;

// LeetCode's definitions, which candidates know and do not declare themselves.
public class ListNode {
  public int val;
  public ListNode next;
  public ListNode(int val = 0, ListNode next = null) {
    this.val = val;
    this.next = next;
  }
}

public class TreeNode {
  public int val;
  public TreeNode left;
  public TreeNode right;
  public TreeNode(int val = 0, TreeNode left = null, TreeNode right = null) {
    this.val = val;
    this.left = left;
    this.right = right;
  }
}

public static class CoderoomHarness {
  // The design problem's class, empty for a function problem.
  const string DesignClass = "__CLASS__";
  const string Function = "__FUNCTION__";
  // The most nodes a returned list or tree may have: a cycle would otherwise never end.
  const int MaxNodes = 10000000;

  public static void Main() {
    string nonce = File.ReadAllText("/tmp/.coderoom-nonce").Trim();
    File.Delete("/tmp/.coderoom-nonce");
    // One case per line, [index, [arguments...]], each sent once the previous case has reported;
    // an empty line (or the end of stdin) ends the run.
    var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
    var stdout = new StreamWriter(Console.OpenStandardOutput());
    // The candidate's classes load only now, after the nonce is gone from the file system.
    Type type = Type.GetType(DesignClass.Length > 0 ? DesignClass : "Solution");
    MethodInfo method = null;
    if (type != null && DesignClass.Length == 0) method = Find(type, Function, -1);
    object target = null;
    if (method != null && !method.IsStatic) target = Activator.CreateInstance(type, true);
    for (string line = stdin.ReadLine(); !string.IsNullOrWhiteSpace(line); line = stdin.ReadLine()) {
      int pos = 0;
      var c = (List<object>) Parse(line, ref pos);
      int i = System.Convert.ToInt32(c[0]);
      var args = (List<object>) c[1];
      string status = "ok", payload;
      var watch = System.Diagnostics.Stopwatch.StartNew();
      try {
        var sb = new StringBuilder();
        if (DesignClass.Length > 0) {
          Design(type, args, sb);
        } else {
          if (method == null) throw new MissingMethodException("no method " + Function + " in class Solution");
          Write(sb, Call(method, target, args), method.ReturnType);
        }
        payload = sb.ToString();
      } catch (CallFailed e) {
        status = "error";
        payload = Quote(e.Message);
      } catch (TargetInvocationException e) {
        status = "error";
        payload = Quote(e.InnerException.GetType().Name + ": " + e.InnerException.Message);
      } catch (Exception e) {
        status = "error";
        payload = Quote(e.GetType().Name + ": " + e.Message);
      }
      double ms = watch.Elapsed.TotalMilliseconds;
      Console.Out.Flush();
      stdout.Write("\n\u001e" + nonce + ":" + i + ":" + status + ":" + ms.ToString("F3", CultureInfo.InvariantCulture) + ":" + payload + "\n");
      stdout.Flush();
    }
    // Every case has reported: threads the candidate's code left behind end here.
    Console.Out.Flush();
    stdout.Flush();
    Environment.Exit(0);
  }

  // The method named so (PascalCase or as the problem spells it) taking that many parameters
  // (-1: any).
  static MethodInfo Find(Type type, string name, int arity) {
    MethodInfo found = null;
    foreach (var m in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)) {
      if (string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase) && (arity < 0 || m.GetParameters().Length == arity)) found = m;
    }
    return found;
  }

  static object Call(MethodBase method, object target, List<object> args) {
    var ps = method.GetParameters();
    if (ps.Length != args.Count) throw new ArgumentException(method.Name + " takes " + ps.Length + " arguments, the test gives " + args.Count);
    var values = new object[ps.Length];
    for (int j = 0; j < ps.Length; j++) values[j] = Convert(args[j], ps[j].ParameterType);
    if (method is ConstructorInfo) return ((ConstructorInfo) method).Invoke(values);
    return method.Invoke(target, values);
  }

  // LeetCode's design case: the first call constructs the class, each later one calls a method by
  // name; one value per call, null for the constructor and void methods.
  static void Design(Type type, List<object> args, StringBuilder sb) {
    if (type == null) throw new TypeLoadException("no class " + DesignClass);
    var calls = (List<object>) args[0];
    var callArgs = (List<object>) args[1];
    if (calls.Count == 0 || calls.Count != callArgs.Count) throw new ArgumentException("a design case needs one argument list per call");
    if ((string) calls[0] != DesignClass) throw new ArgumentException("the first call must construct " + DesignClass);
    object target = null;
    sb.Append('[');
    for (int k = 0; k < calls.Count; k++) {
      if (k > 0) sb.Append(',');
      var name = (string) calls[k];
      var a = (List<object>) callArgs[k];
      try {
        if (k == 0) {
          ConstructorInfo constructor = null;
          foreach (var c in type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)) {
            if (c.GetParameters().Length == a.Count) constructor = c;
          }
          if (constructor == null) throw new MissingMethodException(DesignClass + " has no constructor taking " + a.Count + " arguments");
          target = Call(constructor, null, a);
          sb.Append("null");
          continue;
        }
        var method = Find(type, name, a.Count);
        if (method == null) throw new MissingMethodException(DesignClass + " has no method " + char.ToUpperInvariant(name[0]) + name.Substring(1) + " taking " + a.Count + " arguments");
        object r = Call(method, target, a);
        if (method.ReturnType == typeof(void)) sb.Append("null");
        else Write(sb, r, method.ReturnType);
      } catch (Exception e) {
        var cause = e is TargetInvocationException && e.InnerException != null ? e.InnerException : e;
        var shown = new StringBuilder();
        Write(shown, a, typeof(object));
        throw new CallFailed("call " + k + ", " + name + "(" + shown.ToString(1, shown.Length - 2) + "): " + cause.GetType().Name + ": " + cause.Message);
      }
    }
    sb.Append(']');
  }

  // A design call that threw; its message names the call and is the case's error as it stands.
  sealed class CallFailed : Exception {
    public CallFailed(string message) : base(message) {}
  }

  static object Convert(object v, Type t) {
    if (t == typeof(ListNode)) {
      ListNode head = null;
      var values = (List<object>) v ?? new List<object>();
      for (int k = values.Count - 1; k >= 0; k--) head = new ListNode(System.Convert.ToInt32(values[k]), head);
      return head;
    }
    if (t == typeof(TreeNode)) return Tree((List<object>) v ?? new List<object>());
    if (v == null) return null;
    if (t == typeof(int)) return System.Convert.ToInt32(v);
    if (t == typeof(long)) return System.Convert.ToInt64(v);
    if (t == typeof(double)) return System.Convert.ToDouble(v);
    if (t == typeof(bool)) return (bool) v;
    if (t == typeof(string)) return (string) v;
    if (t == typeof(char)) return ((string) v)[0];
    if (t == typeof(object)) return v;
    if (v is Dictionary<string, object>) {
      // Dictionary<K,V>, IDictionary<K,V> or IReadOnlyDictionary<K,V>: a Dictionary either way.
      var kv = t.GetGenericArguments();
      var map = (IDictionary) Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(kv[0], kv[1]));
      if (!t.IsAssignableFrom(map.GetType())) throw new ArgumentException("unsupported parameter type " + t);
      foreach (var entry in (Dictionary<string, object>) v) map[Convert(entry.Key, kv[0])] = Convert(entry.Value, kv[1]);
      return map;
    }
    var list = (List<object>) v;
    if (t.IsArray) {
      var e = t.GetElementType();
      var array = Array.CreateInstance(e, list.Count);
      for (int i = 0; i < list.Count; i++) array.SetValue(Convert(list[i], e), i);
      return array;
    }
    if (t.IsGenericType) {
      var e = t.GetGenericArguments()[0];
      var result = (IList) Activator.CreateInstance(typeof(List<>).MakeGenericType(e));
      if (!t.IsAssignableFrom(result.GetType())) throw new ArgumentException("unsupported parameter type " + t);
      foreach (var x in list) result.Add(Convert(x, e));
      return result;
    }
    throw new ArgumentException("unsupported parameter type " + t);
  }

  // A tree from LeetCode's level order with nulls.
  static TreeNode Tree(List<object> values) {
    if (values.Count == 0 || values[0] == null) return null;
    var root = new TreeNode(System.Convert.ToInt32(values[0]));
    var parents = new Queue<TreeNode>();
    parents.Enqueue(root);
    int k = 1;
    while (k < values.Count && parents.Count > 0) {
      var parent = parents.Dequeue();
      if (k < values.Count && values[k] != null) {
        parent.left = new TreeNode(System.Convert.ToInt32(values[k]));
        parents.Enqueue(parent.left);
      }
      k++;
      if (k < values.Count && values[k] != null) {
        parent.right = new TreeNode(System.Convert.ToInt32(values[k]));
        parents.Enqueue(parent.right);
      }
      k++;
    }
    return root;
  }

  // Writes v as JSON; its declared type t tells an empty list or tree ([]) from a null.
  static void Write(StringBuilder sb, object v, Type t) {
    if (v == null) {
      sb.Append(t == typeof(ListNode) || t == typeof(TreeNode) ? "[]" : "null");
    } else if (v is ListNode) {
      int count = 0;
      sb.Append('[');
      for (var n = (ListNode) v; n != null; n = n.next) {
        if (++count > MaxNodes) throw new InvalidOperationException("the returned list has a cycle or more than " + MaxNodes + " nodes");
        if (count > 1) sb.Append(',');
        sb.Append(n.val.ToString(CultureInfo.InvariantCulture));
      }
      sb.Append(']');
    } else if (v is TreeNode) {
      WriteTree(sb, (TreeNode) v);
    } else if (v is string) sb.Append(Quote((string) v));
    else if (v is char) sb.Append(Quote(v.ToString()));
    else if (v is bool) sb.Append((bool) v ? "true" : "false");
    else if (v is double || v is float) {
      double d = System.Convert.ToDouble(v);
      if (double.IsNaN(d) || double.IsInfinity(d)) sb.Append("null");
      else sb.Append(d.ToString("R", CultureInfo.InvariantCulture));
    } else if (v is IConvertible) sb.Append(System.Convert.ToString(v, CultureInfo.InvariantCulture));
    else if (v is IDictionary) {
      // A map as an object; its keys (numbers, strings, chars) as strings.
      sb.Append('{');
      bool first = true;
      foreach (DictionaryEntry entry in (IDictionary) v) {
        if (!first) sb.Append(',');
        first = false;
        sb.Append(Quote(System.Convert.ToString(entry.Key, CultureInfo.InvariantCulture))).Append(':');
        Write(sb, entry.Value, ElementType(v.GetType(), 1));
      }
      sb.Append('}');
    } else if (v is IEnumerable) {
      sb.Append('[');
      bool first = true;
      var e = ElementType(v.GetType(), 0);
      foreach (var x in (IEnumerable) v) {
        if (!first) sb.Append(',');
        first = false;
        Write(sb, x, e);
      }
      sb.Append(']');
    } else sb.Append(Quote(v.ToString()));
  }

  // The element type of an array or a generic collection (argument k of the generic type).
  static Type ElementType(Type t, int k) {
    if (t.IsArray) return t.GetElementType();
    var a = t.IsGenericType ? t.GetGenericArguments() : Type.EmptyTypes;
    return k < a.Length ? a[k] : typeof(object);
  }

  // LeetCode's level order: null for each missing child of a node, trailing nulls left out.
  static void WriteTree(StringBuilder sb, TreeNode root) {
    var order = new List<TreeNode> { root };
    for (int k = 0; k < order.Count; k++) {
      var n = order[k];
      if (n == null) continue;
      if (order.Count > 2 * MaxNodes) throw new InvalidOperationException("the returned tree has a cycle or more than " + MaxNodes + " nodes");
      order.Add(n.left);
      order.Add(n.right);
    }
    int count = order.Count;
    while (count > 0 && order[count - 1] == null) count--;
    sb.Append('[');
    for (int k = 0; k < count; k++) {
      if (k > 0) sb.Append(',');
      sb.Append(order[k] == null ? "null" : order[k].val.ToString(CultureInfo.InvariantCulture));
    }
    sb.Append(']');
  }

  static string Quote(string s) {
    var sb = new StringBuilder("\"");
    foreach (char c in s) {
      if (c == '"') sb.Append("\\\"");
      else if (c == '\\') sb.Append("\\\\");
      else if (c == '\n') sb.Append("\\n");
      else if (c == '\r') sb.Append("\\r");
      else if (c == '\t') sb.Append("\\t");
      else if (c < 0x20) sb.Append("\\u" + ((int) c).ToString("x4"));
      else sb.Append(c);
    }
    return sb.Append('"').ToString();
  }

  static void Skip(string s, ref int i) {
    while (i < s.Length && (char.IsWhiteSpace(s[i]) || s[i] == ',' || s[i] == ':')) i++;
  }

  // A small JSON reader: the runner image has no JSON library referenced by default.
  static object Parse(string s, ref int i) {
    Skip(s, ref i);
    char c = s[i];
    if (c == '[') {
      i++;
      var list = new List<object>();
      while (true) {
        Skip(s, ref i);
        if (s[i] == ']') { i++; return list; }
        list.Add(Parse(s, ref i));
      }
    }
    if (c == '{') {
      i++;
      var map = new Dictionary<string, object>();
      while (true) {
        Skip(s, ref i);
        if (s[i] == '}') { i++; return map; }
        var key = (string) Parse(s, ref i);
        map[key] = Parse(s, ref i);
      }
    }
    if (c == '"') {
      i++;
      var sb = new StringBuilder();
      while (s[i] != '"') {
        char ch = s[i++];
        if (ch == '\\') {
          char e = s[i++];
          if (e == 'n') sb.Append('\n');
          else if (e == 't') sb.Append('\t');
          else if (e == 'r') sb.Append('\r');
          else if (e == 'b') sb.Append('\b');
          else if (e == 'f') sb.Append('\f');
          else if (e == 'u') { sb.Append((char) System.Convert.ToInt32(s.Substring(i, 4), 16)); i += 4; }
          else sb.Append(e);
        } else sb.Append(ch);
      }
      i++;
      return sb.ToString();
    }
    if (string.CompareOrdinal(s, i, "true", 0, 4) == 0) { i += 4; return true; }
    if (string.CompareOrdinal(s, i, "false", 0, 5) == 0) { i += 5; return false; }
    if (string.CompareOrdinal(s, i, "null", 0, 4) == 0) { i += 4; return null; }
    int start = i;
    while (i < s.Length && "+-0123456789.eE".IndexOf(s[i]) >= 0) i++;
    string n = s.Substring(start, i - start);
    if (n.IndexOfAny(new[] {'.', 'e', 'E'}) >= 0) return double.Parse(n, CultureInfo.InvariantCulture);
    return long.Parse(n, CultureInfo.InvariantCulture);
  }
}
