package main

import (
	"fmt"
	"os/exec"
	"time"
)

// Starts children until the sandbox refuses one, says how many it got, and holds them all.
func main() {
	var children []*exec.Cmd
	for n := 0; ; n++ {
		child := exec.Command("sleep", "1000")
		if err := child.Start(); err != nil {
			fmt.Printf("refused after %d children\n", n)
			break
		}
		children = append(children, child)
	}
	for {
		time.Sleep(time.Hour)
	}
}
