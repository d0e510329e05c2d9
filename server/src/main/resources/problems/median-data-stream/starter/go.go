package main

type MedianFinder struct {
	// The structure's fields.
}

func Constructor() MedianFinder {
	// Set up an empty structure.
	return MedianFinder{}
}

func (this *MedianFinder) AddNum(num int) {
}

func (this *MedianFinder) FindMedian() float64 {
	// Return the median of the numbers added so far.
	return 0
}
