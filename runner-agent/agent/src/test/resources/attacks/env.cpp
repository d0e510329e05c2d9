#include <cstdio>
#include <cstring>
extern char** environ;
int main() {
  for (char** e = environ; *e; e++) {
    const char* eq = std::strchr(*e, '=');
    std::printf("%.*s\n", (int) (eq ? eq - *e : std::strlen(*e)), *e);
  }
}
