#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int trap(vector<int>& heights) {
    // Return the total amount of water held between the bars.
    return 0;
  }
};
