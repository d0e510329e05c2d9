package main

var blocks [][]byte

func main() {
	for {
		b := make([]byte, 64<<20)
		// one byte a page commits the page, and takes no time
		for i := 0; i < len(b); i += 4096 {
			b[i] = 1
		}
		blocks = append(blocks, b)
	}
}
