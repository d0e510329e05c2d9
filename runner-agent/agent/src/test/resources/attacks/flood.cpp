#include <cstdio>
#include <string>
int main() {
  std::string chunk(1000000, 'x');
  for (int i = 0; i < 100; i++) std::fwrite(chunk.data(), 1, chunk.size(), stdout);
}
