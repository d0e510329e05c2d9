package main

var romanValues = map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}

func romanToInt(s string) int {
	total := 0
	for i := 0; i < len(s); i++ {
		value := romanValues[s[i]]
		if i+1 < len(s) && romanValues[s[i+1]] > value {
			total -= value
		} else {
			total += value
		}
	}
	return total
}
