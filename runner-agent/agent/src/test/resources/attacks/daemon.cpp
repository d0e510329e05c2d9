#include <cstdio>
#include <unistd.h>
int main() {
  if (fork() == 0) {
    setsid();
    if (fork() == 0) sleep(100);
    _exit(0);
  }
  std::puts("main done");
}
