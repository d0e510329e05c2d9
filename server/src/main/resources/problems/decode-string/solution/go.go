package main

import "bytes"

type openGroup struct {
	outer []byte // the enclosing text decoded so far
	count int    // the count in front of the bracket
}

func decodeString(s string) string {
	var open []openGroup
	current := []byte{}
	count := 0
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch >= '0' && ch <= '9':
			count = count*10 + int(ch-'0')
		case ch == '[':
			open = append(open, openGroup{current, count})
			current, count = []byte{}, 0
		case ch == ']':
			group := open[len(open)-1]
			open = open[:len(open)-1]
			current = append(group.outer, bytes.Repeat(current, group.count)...)
		default:
			current = append(current, ch)
		}
	}
	return string(current)
}
