#include <iostream>
#include <vector>

int main() {
  std::ios::sync_with_stdio(false);
  std::cin.tie(nullptr);
  // Input: n, the n values, q, then q lines "l r".
  // Print one line per query with the sum of a[l..r].
  std::cout << 0 << '\n';
  return 0;
}
