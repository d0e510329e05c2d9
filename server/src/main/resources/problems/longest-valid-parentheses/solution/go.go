package main

func longestValidParentheses(s string) int {
	best := 0
	// The bottom entry is the index before the current balanced run may start (the last ')' that
	// closed nothing, or -1); above it, the indices of the '(' still open.
	stack := []int{-1}
	for i := 0; i < len(s); i++ {
		if s[i] == '(' {
			stack = append(stack, i)
			continue
		}
		stack = stack[:len(stack)-1]
		if len(stack) == 0 {
			stack = append(stack, i)
		} else if run := i - stack[len(stack)-1]; run > best {
			best = run
		}
	}
	return best
}
