// Coderoom function-mode harness (C++). See io.coderoom.runner.agent.harness.Harness.
#include <bits/stdc++.h>
#include <cxxabi.h>
#include <unistd.h>

namespace coderoom {

inline std::string read_nonce() {
  std::ifstream in("/tmp/.coderoom-nonce");
  std::string nonce;
  in >> nonce;
  unlink("/tmp/.coderoom-nonce");
  return nonce;
}

// Defined before the candidate's code is included: static initialization runs in definition
// order within a translation unit, so the nonce file is gone before any candidate initializer.
static const std::string nonce = read_nonce();

struct Value {
  enum Kind { NUL, BOOL, INT, DBL, STR, ARR, OBJ } kind = NUL;
  bool b = false;
  long long i = 0;
  double d = 0;
  std::string s;
  std::vector<Value> items;
};

struct Parser {
  const std::string& s;
  size_t p = 0;
  void skip() { while (p < s.size() && (isspace((unsigned char) s[p]) || s[p] == ',' || s[p] == ':')) p++; }
  Value value() {
    skip();
    Value v;
    char c = s[p];
    if (c == '[' || c == '{') {
      char close = c == '[' ? ']' : '}';
      v.kind = c == '[' ? Value::ARR : Value::OBJ;
      p++;
      while (true) {
        skip();
        if (s[p] == close) { p++; return v; }
        v.items.push_back(value());
      }
    }
    if (c == '"') {
      v.kind = Value::STR;
      p++;
      while (s[p] != '"') {
        char ch = s[p++];
        if (ch == '\\') {
          char e = s[p++];
          switch (e) {
            case 'n': v.s += '\n'; break;
            case 't': v.s += '\t'; break;
            case 'r': v.s += '\r'; break;
            case 'b': v.s += '\b'; break;
            case 'f': v.s += '\f'; break;
            case 'u': {
              unsigned code = std::stoul(s.substr(p, 4), nullptr, 16);
              p += 4;
              if (code < 0x80) v.s += (char) code;
              else if (code < 0x800) { v.s += (char) (0xC0 | (code >> 6)); v.s += (char) (0x80 | (code & 0x3F)); }
              else { v.s += (char) (0xE0 | (code >> 12)); v.s += (char) (0x80 | ((code >> 6) & 0x3F)); v.s += (char) (0x80 | (code & 0x3F)); }
              break;
            }
            default: v.s += e;
          }
        } else {
          v.s += ch;
        }
      }
      p++;
      return v;
    }
    if (s.compare(p, 4, "true") == 0) { p += 4; v.kind = Value::BOOL; v.b = true; return v; }
    if (s.compare(p, 5, "false") == 0) { p += 5; v.kind = Value::BOOL; return v; }
    if (s.compare(p, 4, "null") == 0) { p += 4; return v; }
    size_t start = p;
    while (p < s.size() && strchr("+-0123456789.eE", s[p])) p++;
    std::string n = s.substr(start, p - start);
    if (n.find_first_of(".eE") != std::string::npos) { v.kind = Value::DBL; v.d = std::stod(n); }
    else { v.kind = Value::INT; v.i = std::stoll(n); v.d = (double) v.i; }
    return v;
  }
};

template <typename T> struct Conv;
template <> struct Conv<int> {
  static int from(const Value& v) { return v.kind == Value::DBL ? (int) v.d : (int) v.i; }
};
template <> struct Conv<long long> {
  static long long from(const Value& v) { return v.kind == Value::DBL ? (long long) v.d : v.i; }
};
template <> struct Conv<double> { static double from(const Value& v) { return v.d; } };
template <> struct Conv<bool> { static bool from(const Value& v) { return v.b; } };
template <> struct Conv<std::string> { static std::string from(const Value& v) { return v.s; } };
template <> struct Conv<char> { static char from(const Value& v) { return v.s.empty() ? '\0' : v.s[0]; } };
template <typename T> struct Conv<std::vector<T>> {
  static std::vector<T> from(const Value& v) {
    std::vector<T> out;
    out.reserve(v.items.size());
    for (const Value& item : v.items) out.push_back(Conv<T>::from(item));
    return out;
  }
};

// A JSON object's keys are strings; a map's keys are ints, longs, strings or chars.
template <typename K> K key(const std::string& s);
template <> inline int key<int>(const std::string& s) { return std::stoi(s); }
template <> inline long long key<long long>(const std::string& s) { return std::stoll(s); }
template <> inline std::string key<std::string>(const std::string& s) { return s; }
template <> inline char key<char>(const std::string& s) { return s.empty() ? '\0' : s[0]; }

template <typename K, typename V> struct Conv<std::unordered_map<K, V>> {
  static std::unordered_map<K, V> from(const Value& v) {
    std::unordered_map<K, V> out;
    for (size_t k = 0; k + 1 < v.items.size(); k += 2) out[key<K>(v.items[k].s)] = Conv<V>::from(v.items[k + 1]);
    return out;
  }
};

// A map argument binds to a parameter of either std::unordered_map or std::map (by value or by
// reference, const or not), whichever the candidate declared. The std::map is made only when the
// candidate's parameter is one (and lives as long as the run), so a problem whose solutions take
// unordered maps does not compile both.
template <typename K, typename V> struct MapArg {
  std::unordered_map<K, V> hashed;
  operator std::unordered_map<K, V>&() { return hashed; }
  operator std::map<K, V>&() { return *new std::map<K, V>(hashed.begin(), hashed.end()); }
};
template <typename K, typename V> struct Conv<MapArg<K, V>> {
  static MapArg<K, V> from(const Value& v) { return MapArg<K, V>{Conv<std::unordered_map<K, V>>::from(v)}; }
};

inline std::string quote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20) { char buf[8]; snprintf(buf, sizeof buf, "\\u%04x", c); out += buf; }
    else out += (char) c;
  }
  return out + "\"";
}

inline void write(std::ostream& o, bool v) { o << (v ? "true" : "false"); }
inline void write(std::ostream& o, int v) { o << v; }
inline void write(std::ostream& o, long v) { o << v; }
inline void write(std::ostream& o, long long v) { o << v; }
inline void write(std::ostream& o, unsigned v) { o << v; }
inline void write(std::ostream& o, unsigned long v) { o << v; }
inline void write(std::ostream& o, unsigned long long v) { o << v; }
inline void write(std::ostream& o, double v) {
  if (std::isfinite(v)) { char buf[32]; snprintf(buf, sizeof buf, "%.17g", v); o << buf; } else o << "null";
}
inline void write(std::ostream& o, float v) { write(o, (double) v); }
inline void write(std::ostream& o, char v) { o << quote(std::string(1, v)); }
inline void write(std::ostream& o, const std::string& v) { o << quote(v); }
inline void write(std::ostream& o, const char* v) { o << quote(v); }
}  // namespace coderoom

// BEGIN nodes (left out of problems whose types name neither, where a candidate may declare a
// ListNode of its own): LeetCode's definitions, which candidates know and do not declare.
struct ListNode {
  int val;
  ListNode *next;
  ListNode() : val(0), next(nullptr) {}
  ListNode(int x) : val(x), next(nullptr) {}
  ListNode(int x, ListNode *next) : val(x), next(next) {}
};

struct TreeNode {
  int val;
  TreeNode *left;
  TreeNode *right;
  TreeNode() : val(0), left(nullptr), right(nullptr) {}
  TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
  TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
};

namespace coderoom {

// [1,2,3] is 1 -> 2 -> 3, [] the empty list (nullptr).
template <> struct Conv<ListNode*> {
  static ListNode* from(const Value& v) {
    ListNode* head = nullptr;
    for (size_t k = v.items.size(); k-- > 0;) head = new ListNode(Conv<int>::from(v.items[k]), head);
    return head;
  }
};

// Level order with nulls for missing children: [1,null,2] is 1 with a right child 2.
template <> struct Conv<TreeNode*> {
  static TreeNode* from(const Value& v) {
    const std::vector<Value>& items = v.items;
    if (items.empty() || items[0].kind == Value::NUL) return nullptr;
    TreeNode* root = new TreeNode(Conv<int>::from(items[0]));
    std::vector<TreeNode*> parents{root};
    size_t next = 0, k = 1;
    while (k < items.size() && next < parents.size()) {
      TreeNode* parent = parents[next++];
      for (TreeNode** child : {&parent->left, &parent->right}) {
        if (k < items.size() && items[k].kind != Value::NUL) {
          *child = new TreeNode(Conv<int>::from(items[k]));
          parents.push_back(*child);
        }
        k++;
      }
    }
    return root;
  }
};

// The most nodes a returned list or tree may have: a cycle would otherwise never end.
constexpr size_t MAX_NODES = 10000000;

// A list as the array of its values.
inline void write(std::ostream& o, const ListNode* v) {
  size_t count = 0;
  o << '[';
  for (const ListNode* n = v; n != nullptr; n = n->next) {
    if (++count > MAX_NODES) throw std::runtime_error("the returned list has a cycle or more than 10000000 nodes");
    if (n != v) o << ',';
    o << n->val;
  }
  o << ']';
}
inline void write(std::ostream& o, ListNode* v) { write(o, (const ListNode*) v); }

// A tree in level order, null for each missing child of a node, trailing nulls left out.
inline void write(std::ostream& o, const TreeNode* v) {
  std::vector<const TreeNode*> order;
  if (v != nullptr) order.push_back(v);
  for (size_t k = 0; k < order.size(); k++) {
    const TreeNode* n = order[k];
    if (n == nullptr) continue;
    if (order.size() > 2 * MAX_NODES) throw std::runtime_error("the returned tree has a cycle or more than 10000000 nodes");
    order.push_back(n->left);
    order.push_back(n->right);
  }
  while (!order.empty() && order.back() == nullptr) order.pop_back();
  o << '[';
  for (size_t k = 0; k < order.size(); k++) {
    if (k) o << ',';
    if (order[k] == nullptr) o << "null";
    else o << order[k]->val;
  }
  o << ']';
}
inline void write(std::ostream& o, TreeNode* v) { write(o, (const TreeNode*) v); }

}  // namespace coderoom
// END nodes

namespace coderoom {

inline std::string key_text(int k) { return std::to_string(k); }
inline std::string key_text(long k) { return std::to_string(k); }
inline std::string key_text(long long k) { return std::to_string(k); }
inline std::string key_text(char k) { return std::string(1, k); }
inline std::string key_text(const std::string& k) { return k; }

template <typename T> void write(std::ostream& o, const std::vector<T>& v);
template <typename K, typename V> void write(std::ostream& o, const std::unordered_map<K, V>& v);
template <typename K, typename V> void write(std::ostream& o, const std::map<K, V>& v);

template <typename T> void write(std::ostream& o, const std::vector<T>& v) {
  o << '[';
  for (size_t k = 0; k < v.size(); k++) { if (k) o << ','; write(o, (T) v[k]); }
  o << ']';
}

template <typename Map> void write_object(std::ostream& o, const Map& v) {
  o << '{';
  bool first = true;
  for (const auto& entry : v) {
    if (!first) o << ',';
    first = false;
    o << quote(key_text(entry.first)) << ':';
    write(o, entry.second);
  }
  o << '}';
}
template <typename K, typename V> void write(std::ostream& o, const std::unordered_map<K, V>& v) { write_object(o, v); }
template <typename K, typename V> void write(std::ostream& o, const std::map<K, V>& v) { write_object(o, v); }

// A parsed value as compact JSON again (to name a design call's arguments).
inline void write_json(std::ostream& o, const Value& v) {
  switch (v.kind) {
    case Value::NUL: o << "null"; break;
    case Value::BOOL: o << (v.b ? "true" : "false"); break;
    case Value::INT: o << v.i; break;
    case Value::DBL: write(o, v.d); break;
    case Value::STR: o << quote(v.s); break;
    case Value::ARR:
    case Value::OBJ:
      o << (v.kind == Value::ARR ? '[' : '{');
      for (size_t k = 0; k < v.items.size(); k++) {
        if (k) o << (v.kind == Value::OBJ && k % 2 == 1 ? ':' : ',');
        write_json(o, v.items[k]);
      }
      o << (v.kind == Value::ARR ? ']' : '}');
  }
}

// A design call that threw; its message names the call and is the case's error as it stands.
struct CallFailed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// "call 2, pop(): std::out_of_range: the stack is empty"
inline CallFailed call_failed(size_t k, const std::string& name, const Value& args, const std::exception* e) {
  std::ostringstream text;
  text << "call " << k << ", " << name << "(";
  for (size_t j = 0; j < args.items.size(); j++) {
    if (j) text << ",";
    write_json(text, args.items[j]);
  }
  text << "): ";
  if (e == nullptr) {
    text << "exception";
  } else {
    int status = 0;
    char* type = abi::__cxa_demangle(typeid(*e).name(), nullptr, nullptr, &status);
    text << (status == 0 && type != nullptr ? type : typeid(*e).name()) << ": " << e->what();
    free(type);
  }
  return CallFailed(text.str());
}

inline Value parse(const std::string& text) {
  Parser parser{text};
  return parser.value();
}

}  // namespace coderoom

using namespace std;

#include "/code/solution.cpp"

int main() {
  // One case per line, [index, [arguments...]], each sent once the previous case has reported; an
  // empty line (or the end of stdin) ends the run.
  std::string line;
  while (std::getline(std::cin, line) && line.find_first_not_of(" \t\r") != std::string::npos) {
    coderoom::Value c = coderoom::parse(line);
    long long i = c.items.at(0).i;
    const std::vector<coderoom::Value>& args = c.items.at(1).items;
    std::string status = "ok";
    std::ostringstream out;
    auto started = std::chrono::steady_clock::now();
    try {
__CALL__    } catch (const coderoom::CallFailed& e) {
      status = "error";
      out.str("");
      out << coderoom::quote(e.what());
    } catch (const std::exception& e) {
      status = "error";
      out.str("");
      out << coderoom::quote(std::string("exception: ") + e.what());
    } catch (...) {
      status = "error";
      out.str("");
      out << coderoom::quote("exception");
    }
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    std::cout.flush();
    fflush(stdout);
    std::cout << "\n\x1e" << coderoom::nonce << ":" << i << ":" << status << ":" << std::fixed
              << std::setprecision(3) << ms << ":" << out.str() << "\n" << std::flush;
    std::cout.unsetf(std::ios::fixed);
    std::cout << std::setprecision(6);
  }
  // Every case has reported: threads and destructors the candidate's code left behind end here.
  std::cout.flush();
  fflush(stdout);
  std::_Exit(0);
}
