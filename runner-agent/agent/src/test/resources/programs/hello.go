package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	line, _ := in.ReadString('\n')
	fmt.Println("hello world")
	fmt.Println("stdin: " + strings.TrimSpace(line))
}
