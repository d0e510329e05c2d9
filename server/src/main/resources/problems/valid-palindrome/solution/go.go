package main

func isPalindrome(s string) bool {
	left, right := 0, len(s)-1
	for left < right {
		a, b := s[left], s[right]
		if !isAlphanumeric(a) {
			left++
		} else if !isAlphanumeric(b) {
			right--
		} else if toLower(a) != toLower(b) {
			return false
		} else {
			left++
			right--
		}
	}
	return true
}

func isAlphanumeric(c byte) bool {
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

func toLower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + ('a' - 'A')
	}
	return c
}
