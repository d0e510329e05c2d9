#include <iostream>
#include <string>
#include <vector>

int main() {
  std::ios::sync_with_stdio(false);
  std::cin.tie(nullptr);
  int n;
  std::cin >> n;
  // prefix[i] is the sum of the first i numbers, so a[l..r] = prefix[r] - prefix[l - 1].
  std::vector<long long> prefix(n + 1, 0);
  for (int i = 0; i < n; i++) {
    long long x;
    std::cin >> x;
    prefix[i + 1] = prefix[i] + x;
  }
  int q;
  std::cin >> q;
  std::string out;
  for (int k = 0; k < q; k++) {
    int l, r;
    std::cin >> l >> r;
    out += std::to_string(prefix[r] - prefix[l - 1]);
    out += '\n';
  }
  std::cout << out;
  return 0;
}
