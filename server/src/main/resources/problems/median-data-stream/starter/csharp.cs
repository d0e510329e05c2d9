using System;
using System.Collections.Generic;

public class MedianFinder {
    public MedianFinder() {
        // Set up an empty structure.
    }

    public void AddNum(int num) {
    }

    public double FindMedian() {
        // Return the median of the numbers added so far.
        return 0;
    }
}
