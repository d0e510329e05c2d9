// Coderoom function-mode harness (C++). See io.coderoom.runner.agent.harness.Harness.
#include <bits/stdc++.h>
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
template <> struct Conv<int> { static int from(const Value& v) { return (int) v.i; } };
template <> struct Conv<long long> { static long long from(const Value& v) { return v.i; } };
template <> struct Conv<double> { static double from(const Value& v) { return v.d; } };
template <> struct Conv<bool> { static bool from(const Value& v) { return v.b; } };
template <> struct Conv<std::string> { static std::string from(const Value& v) { return v.s; } };
template <typename T> struct Conv<std::vector<T>> {
  static std::vector<T> from(const Value& v) {
    std::vector<T> out;
    for (const Value& item : v.items) out.push_back(Conv<T>::from(item));
    return out;
  }
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
inline void write(std::ostream& o, char v) { o << quote(std::string(1, v)); }
inline void write(std::ostream& o, const std::string& v) { o << quote(v); }
inline void write(std::ostream& o, const char* v) { o << quote(v); }
template <typename T> void write(std::ostream& o, const std::vector<T>& v) {
  o << '[';
  for (size_t k = 0; k < v.size(); k++) { if (k) o << ','; write(o, (T) v[k]); }
  o << ']';
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
__CALL__    } catch (const std::exception& e) {
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
