#include <bits/stdc++.h>
using namespace std;

class MedianFinder {
public:
  MedianFinder() {
    // Set up an empty structure.
  }

  void addNum(int num) {}

  double findMedian() {
    // Return the median of the numbers added so far.
    return 0;
  }
};
