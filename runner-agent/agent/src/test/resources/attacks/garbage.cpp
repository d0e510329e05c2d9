// Bytes that are not text: NUL, invalid UTF-8, a character split between two writes, ANSI escapes
// and other control characters, then a 50 MB line without a newline.
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

static void put(const std::string& bytes) {
  std::fwrite(bytes.data(), 1, bytes.size(), stdout);
  std::fflush(stdout);
}

int main() {
  put(std::string("nul:\0\0|bad:\xff\xfe\xc0|split:\xe2\x82", 23));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the rest comes in a later chunk
  put("\xac|ansi:\x1b[31mred\x1b[0m|bell:\x07|del:\x7f|c1:\xc2\x9b|\n");
  std::string line(1000000, 'y');
  for (int i = 0; i < 50; i++) std::fwrite(line.data(), 1, line.size(), stdout);
}
