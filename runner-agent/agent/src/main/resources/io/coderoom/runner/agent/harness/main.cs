// Coderoom function-mode harness (C#). See io.coderoom.runner.agent.harness.Harness.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Text;

public static class CoderoomHarness {
  public static void Main() {
    string nonce = File.ReadAllText("/tmp/.coderoom-nonce").Trim();
    File.Delete("/tmp/.coderoom-nonce");
    // One case per line, [index, [arguments...]], each sent once the previous case has reported;
    // an empty line (or the end of stdin) ends the run.
    var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
    var stdout = new StreamWriter(Console.OpenStandardOutput());
    // The candidate's class loads only now, after the nonce is gone from the file system.
    Type type = Type.GetType("Solution");
    MethodInfo method = null;
    if (type != null) {
      foreach (var m in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)) {
        if (string.Equals(m.Name, "__FUNCTION__", StringComparison.OrdinalIgnoreCase)) method = m;
      }
    }
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
        if (method == null) throw new MissingMethodException("no method __FUNCTION__ in class Solution");
        var ps = method.GetParameters();
        var values = new object[ps.Length];
        for (int j = 0; j < ps.Length; j++) values[j] = Convert(args[j], ps[j].ParameterType);
        object r = method.Invoke(target, values);
        var sb = new StringBuilder();
        Write(sb, r);
        payload = sb.ToString();
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

  static object Convert(object v, Type t) {
    if (v == null) return null;
    if (t == typeof(int)) return System.Convert.ToInt32(v);
    if (t == typeof(long)) return System.Convert.ToInt64(v);
    if (t == typeof(double)) return System.Convert.ToDouble(v);
    if (t == typeof(bool)) return (bool) v;
    if (t == typeof(string)) return (string) v;
    if (t == typeof(char)) return ((string) v)[0];
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
      foreach (var x in list) result.Add(Convert(x, e));
      return result;
    }
    throw new ArgumentException("unsupported parameter type " + t);
  }

  static void Write(StringBuilder sb, object v) {
    if (v == null) sb.Append("null");
    else if (v is string) sb.Append(Quote((string) v));
    else if (v is char) sb.Append(Quote(v.ToString()));
    else if (v is bool) sb.Append((bool) v ? "true" : "false");
    else if (v is double || v is float) sb.Append(System.Convert.ToDouble(v).ToString("R", CultureInfo.InvariantCulture));
    else if (v is IConvertible) sb.Append(System.Convert.ToString(v, CultureInfo.InvariantCulture));
    else if (v is IEnumerable) {
      sb.Append('[');
      bool first = true;
      foreach (var x in (IEnumerable) v) {
        if (!first) sb.Append(',');
        first = false;
        Write(sb, x);
      }
      sb.Append(']');
    } else sb.Append(Quote(v.ToString()));
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
