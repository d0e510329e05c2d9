package main

import (
	"bytes"
	"os"
)

func main() {
	chunk := bytes.Repeat([]byte("x"), 1000000)
	for i := 0; i < 100; i++ {
		os.Stdout.Write(chunk)
	}
}
