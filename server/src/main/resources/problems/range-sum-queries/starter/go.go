package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	_ = in
	// Input: n, the n values, q, then q lines "l r".
	// Print one line per query with the sum of a[l..r].
	fmt.Fprintln(out, 0)
}
