package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// Fails with the error of the first write that does not fit.
func main() {
	line, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	target := strings.TrimSpace(line)
	chunk := make([]byte, 1000000)
	for n := 0; ; n++ {
		f, err := os.Create(fmt.Sprintf("%s/fill-%d", target, n))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		for i := 0; i < 8; i++ {
			if _, err := f.Write(chunk); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
		if err := f.Close(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
