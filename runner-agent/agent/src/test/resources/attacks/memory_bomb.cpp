#include <cstring>
#include <vector>
int main() {
  std::vector<char*> blocks;
  for (;;) {
    char* p = new char[1 << 24];
    std::memset(p, 1, 1 << 24);
    blocks.push_back(p);
  }
}
