package main

type MinStack struct {
	// The stack's fields.
}

func Constructor() MinStack {
	// Set up an empty stack.
	return MinStack{}
}

func (this *MinStack) Push(val int) {
}

func (this *MinStack) Pop() {
}

func (this *MinStack) Top() int {
	// Return the top element.
	return 0
}

func (this *MinStack) GetMin() int {
	// Return the smallest element in the stack.
	return 0
}
