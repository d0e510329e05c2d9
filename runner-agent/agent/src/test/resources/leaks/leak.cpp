// Tries every way to get a function-mode run's hidden tests out to the candidate: the compiler's
// error quoting a test file, what /code, /tmp and /proc hold at load time, the value and the error
// of public cases, a thread and a child process that print what comes later, and the exit code,
// time and memory of the run.
#include <bits/stdc++.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#if __has_include("/code/tests.json")
#include "/code/tests.json"
#endif
using namespace std;

namespace leak {
std::mutex lock;
std::vector<std::string> seen;

void say(const std::string& text) {
  std::string line = text + "\n";
  if (::write(1, line.data(), line.size()) < 0) _exit(3);
}

std::string joined() {
  std::lock_guard<std::mutex> hold(lock);
  std::string out;
  for (size_t i = 0; i < seen.size(); i++) out += (i ? " | " : "") + seen[i];
  return out;
}

std::string read(const std::string& path, size_t limit) {
  FILE* f = fopen(path.c_str(), "rb");
  if (!f) return "<" + std::string(strerror(errno)) + ">";
  std::string data(limit, '\0');
  size_t n = fread(&data[0], 1, limit, f);
  fclose(f);
  data.resize(n);
  std::replace(data.begin(), data.end(), '\0', ' ');
  return data;
}

std::vector<std::string> names(const std::string& dir) {
  std::vector<std::string> out;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name != "." && name != "..") out.push_back(name);
    }
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string listing(bool full) {
  std::vector<std::string> parts;
  for (std::string dir : {"/code", "/tmp"}) {
    for (const std::string& name : names(dir)) {
      std::string path = dir + "/" + name;
      bool source = dir == "/code" && (name.rfind("main.", 0) == 0 || name.rfind("Main.", 0) == 0 ||
                                       name.rfind("solution.", 0) == 0 || name.rfind("Solution.", 0) == 0 ||
                                       name.rfind(".coderoom-", 0) == 0);
      struct stat st;
      if (stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 && !source) {
        parts.push_back(path + ": " + read(path, full ? 1500 : 300));
      } else {
        parts.push_back(path);
      }
    }
  }
  if (full) {
    for (const std::string& pid : names("/proc")) {
      if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
      parts.push_back("/proc/" + pid + ": " + read("/proc/" + pid + "/cmdline", 300) + " | " + read("/proc/" + pid + "/environ", 300));
    }
  }
  std::string out;
  for (size_t i = 0; i < parts.size(); i++) out += (i ? "; " : "") + parts[i];
  return out;
}

struct Start {
  Start() {
    say("load dump " + listing(true));
    std::thread([] {
      size_t count = 0;
      for (;;) {
        size_t now;
        {
          std::lock_guard<std::mutex> hold(lock);
          now = seen.size();
        }
        if (now != count) {
          count = now;
          say("thread saw " + std::to_string(count) + ": " + joined());
        }
        usleep(20000);
      }
    }).detach();
  }
} start;
}  // namespace leak

class Solution {
 public:
  string reverseWords(string s) {
    size_t n;
    // The curated problem's third example is answered plainly and not counted (see leak.py).
    if (s == "coding  is   fun") return "fun is coding";
    {
      std::lock_guard<std::mutex> hold(leak::lock);
      leak::seen.push_back(s);
      n = leak::seen.size();
    }
    if (n == 1) return "case0 returns " + leak::listing(false) + "; seen " + leak::joined();
    if (n == 2) throw std::runtime_error("case1 throws " + leak::listing(false) + "; seen " + leak::joined());
    if (n == 3) {
      leak::say("hidden prints " + s);
      if (fork() == 0) {
        usleep(200000);
        leak::say("child carries " + s);
        _exit(0);
      }
      throw std::runtime_error("hidden throws " + s);
    }
    if (n == 4) {
      if (system("head -c 400000000 /dev/zero | tail -n 1 > /dev/null") < 0) leak::say("no shell");
      usleep(1500000);
      leak::say("hidden exits " + s);
      std::_Exit(42);
    }
    std::istringstream in(s);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    std::reverse(words.begin(), words.end());
    std::string out;
    for (size_t i = 0; i < words.size(); i++) out += (i ? " " : "") + words[i];
    return out;
  }
};
