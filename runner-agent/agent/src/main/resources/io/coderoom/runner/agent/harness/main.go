// Coderoom function-mode harness (Go). See io.coderoom.runner.agent.harness.Harness.
package main

import (
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
	data, err := os.ReadFile("/code/tests.json")
	if err != nil {
		panic(err)
	}
	var cases [][]json.RawMessage
	if err := json.Unmarshal(data, &cases); err != nil {
		panic(err)
	}
	for i, args := range cases {
		started := time.Now()
		status, payload := coderoomCall(args)
		ms := float64(time.Since(started).Nanoseconds()) / 1e6
		fmt.Fprintf(os.Stdout, "\n\x1e%s:%d:%s:%.3f:%s\n", coderoomNonce, i, status, ms, payload)
	}
}
