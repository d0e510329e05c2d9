package main

func evalRPN(expression string) int {
	// Return the value of the postfix expression (tokens separated by single spaces).
	return 0
}
