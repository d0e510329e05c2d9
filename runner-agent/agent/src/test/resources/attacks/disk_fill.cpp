#include <cstdio>
#include <iostream>
#include <string>
int main() {
  std::string target;
  std::getline(std::cin, target);
  std::string chunk(1000000, 'x');
  for (int n = 0;; n++) {
    std::FILE* f = std::fopen((target + "/fill-" + std::to_string(n)).c_str(), "wb");
    if (!f) return 1;
    for (int i = 0; i < 8; i++)
      if (std::fwrite(chunk.data(), 1, chunk.size(), f) != chunk.size()) return 1;
    if (std::fclose(f) != 0) return 1;
  }
}
