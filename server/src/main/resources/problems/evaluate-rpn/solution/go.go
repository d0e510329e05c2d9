package main

import (
	"strconv"
	"strings"
)

func evalRPN(expression string) int {
	stack := []int{}
	for _, token := range strings.Split(expression, " ") {
		switch token {
		case "+", "-", "*", "/":
			right, left := stack[len(stack)-1], stack[len(stack)-2]
			stack = stack[:len(stack)-2]
			var value int
			switch token {
			case "+":
				value = left + right
			case "-":
				value = left - right
			case "*":
				value = left * right
			default:
				value = left / right
			}
			stack = append(stack, value)
		default:
			n, _ := strconv.Atoi(token)
			stack = append(stack, n)
		}
	}
	return stack[len(stack)-1]
}
