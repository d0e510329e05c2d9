package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

func main() {
	data, _ := io.ReadAll(os.Stdin)
	tokens := strings.Fields(string(data))
	n, _ := strconv.Atoi(tokens[0])
	if n == -7 {
		for {
		}
	}
	if n < 0 {
		fmt.Fprintln(os.Stderr, "negative count")
		os.Exit(3)
	}
	out := bufio.NewWriter(os.Stdout)
	var running int64
	for i := 1; i <= n; i++ {
		x, _ := strconv.ParseInt(tokens[i], 10, 64)
		running += x
		out.WriteString(strconv.FormatInt(running, 10))
		out.WriteByte('\n')
	}
	out.Flush()
	fmt.Fprintf(os.Stderr, "sum %d\n", running)
}
