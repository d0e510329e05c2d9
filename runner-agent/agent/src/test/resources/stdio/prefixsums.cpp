#include <cstdio>
#include <iostream>
#include <string>

int main() {
  std::ios::sync_with_stdio(false);
  std::cin.tie(nullptr);
  long long n;
  if (!(std::cin >> n)) return 1;
  if (n == -7) {
    volatile unsigned long long spin = 0;
    for (;;) spin = spin + 1;
  }
  if (n < 0) {
    std::cerr << "negative count\n";
    return 3;
  }
  long long running = 0;
  std::string out;
  for (long long i = 0; i < n; i++) {
    long long x;
    std::cin >> x;
    running += x;
    out += std::to_string(running);
    out += '\n';
  }
  std::cout << out;
  std::cout.flush();
  std::cerr << "sum " << running << "\n";
  return 0;
}
