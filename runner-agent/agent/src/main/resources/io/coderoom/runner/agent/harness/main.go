// Coderoom function-mode harness (Go). See io.coderoom.runner.agent.harness.Harness.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"time"
)

// Initialized before any variable or init function of the candidate's file (main.go is given to
// the compiler first), so the nonce file is gone before the candidate's code runs.
var coderoomNonce = coderoomReadNonce()

func coderoomReadNonce() string {
	b, err := os.ReadFile("/tmp/.coderoom-nonce")
	if err != nil {
		panic(err)
	}
	os.Remove("/tmp/.coderoom-nonce")
	return strings.TrimSpace(string(b))
}

func coderoomArg(args []json.RawMessage, i int, target interface{}) {
	if err := json.Unmarshal(args[i], target); err != nil {
		panic(fmt.Sprintf("argument %d: %v", i, err))
	}
}

func coderoomCall(args []json.RawMessage) (status string, payload string) {
	defer func() {
		if r := recover(); r != nil {
			b, _ := json.Marshal(fmt.Sprint("panic: ", r))
			status, payload = "error", string(b)
		}
	}()
	r := func() interface{} {
__CALL__	}()
	v := reflect.ValueOf(r)
	if v.Kind() == reflect.Slice && v.IsNil() {
		return "ok", "[]"
	}
	b, err := json.Marshal(r)
	if err != nil {
		b, _ = json.Marshal(err.Error())
		return "error", string(b)
	}
	return "ok", string(b)
}

func main() {
	// One case per line, [index, [arguments...]], each sent once the previous case has reported;
	// an empty line (or the end of stdin) ends the run.
	in := bufio.NewReaderSize(os.Stdin, 1<<16)
	for {
		line, err := in.ReadString('\n')
		if strings.TrimSpace(line) == "" {
			break
		}
		var c []json.RawMessage
		if err := json.Unmarshal([]byte(line), &c); err != nil || len(c) != 2 {
			panic(fmt.Sprintf("malformed case %q", line))
		}
		var i int
		var args []json.RawMessage
		if err := json.Unmarshal(c[0], &i); err != nil {
			panic(err)
		}
		if err := json.Unmarshal(c[1], &args); err != nil {
			panic(err)
		}
		started := time.Now()
		status, payload := coderoomCall(args)
		ms := float64(time.Since(started).Nanoseconds()) / 1e6
		fmt.Fprintf(os.Stdout, "\n\x1e%s:%d:%s:%.3f:%s\n", coderoomNonce, i, status, ms, payload)
		if err != nil {
			break
		}
	}
	// Every case has reported: goroutines the candidate's code left behind end here.
	os.Exit(0)
}
