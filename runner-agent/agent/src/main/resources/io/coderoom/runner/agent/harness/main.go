// Coderoom function-mode harness (Go). See io.coderoom.runner.agent.harness.Harness.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
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

// LeetCode's definitions, which candidates know and do not declare themselves.
type ListNode struct {
	Val  int
	Next *ListNode
}

type TreeNode struct {
	Val   int
	Left  *TreeNode
	Right *TreeNode
}

// The most nodes a returned list or tree may have: a cycle would otherwise never end.
const coderoomMaxNodes = 10000000

var coderoomListType = reflect.TypeOf((*ListNode)(nil))
var coderoomTreeType = reflect.TypeOf((*TreeNode)(nil))

// coderoomMethod is what the suite declares of a design method: its result type.
type coderoomMethod struct {
	returns string
}

func coderoomCall(args []json.RawMessage) (status string, payload string) {
	defer func() {
		if r := recover(); r != nil {
			message := fmt.Sprint("panic: ", r)
			if failed, ok := r.(coderoomCallFailed); ok {
				message = failed.message
			}
			b, _ := json.Marshal(message)
			status, payload = "error", string(b)
		}
	}()
	return "ok", coderoomRun(args)
}

func coderoomRun(args []json.RawMessage) string {
__CALL__}

// coderoomFunction calls the candidate's function with the arguments converted to the types its
// signature declares (so a long may be an int64 or an int, a char a byte or a rune).
func coderoomFunction(name string, fn interface{}, args []json.RawMessage, returns string) string {
	out := coderoomInvoke(name, reflect.ValueOf(fn), args)
	var b strings.Builder
	if len(out) == 0 {
		b.WriteString("null")
	} else {
		coderoomWrite(&b, out[0], returns)
	}
	return b.String()
}

// coderoomDesign runs LeetCode's design case: Constructor makes the object, each later call is a
// method named in PascalCase; the result has one value per call, null for the constructor and
// for void methods.
func coderoomDesign(class string, constructor interface{}, args []json.RawMessage, methods map[string]coderoomMethod) string {
	var calls []string
	var callArgs [][]json.RawMessage
	if len(args) != 2 {
		panic("a design case has the calls and their arguments")
	}
	coderoomDecode(args[0], &calls)
	coderoomDecode(args[1], &callArgs)
	if len(calls) == 0 || len(calls) != len(callArgs) {
		panic("a design case needs one argument list per call")
	}
	if calls[0] != class {
		panic("the first call must construct " + class)
	}
	var object reflect.Value
	coderoomDesignCall(0, calls[0], callArgs[0], func() {
		made := coderoomInvoke("Constructor", reflect.ValueOf(constructor), callArgs[0])
		if len(made) != 1 {
			panic("Constructor must return the " + class)
		}
		object = made[0]
	})
	if object.Kind() != reflect.Ptr {
		// Methods with pointer receivers need an addressable value.
		p := reflect.New(object.Type())
		p.Elem().Set(object)
		object = p
	}
	var b strings.Builder
	b.WriteString("[null")
	for k := 1; k < len(calls); k++ {
		b.WriteByte(',')
		coderoomDesignCall(k, calls[k], callArgs[k], func() {
			declared, known := methods[calls[k]]
			if !known {
				panic(class + " has no method " + calls[k])
			}
			exported := strings.ToUpper(calls[k][:1]) + calls[k][1:]
			method := object.MethodByName(exported)
			if !method.IsValid() {
				panic(fmt.Sprintf("%s has no method %s", class, exported))
			}
			out := coderoomInvoke(exported, method, callArgs[k])
			if declared.returns == "void" || len(out) == 0 {
				b.WriteString("null")
			} else {
				coderoomWrite(&b, out[0], declared.returns)
			}
		})
	}
	b.WriteByte(']')
	return b.String()
}

// coderoomCallFailed is a design call that panicked; its message names the call and is the
// case's error as it stands.
type coderoomCallFailed struct {
	message string
}

// coderoomDesignCall runs call k, turning a panic into "call 2, pop(): panic: ...".
func coderoomDesignCall(k int, name string, args []json.RawMessage, call func()) {
	defer func() {
		if r := recover(); r != nil {
			shown := make([]string, len(args))
			for j, arg := range args {
				var compact bytes.Buffer
				if json.Compact(&compact, arg) == nil {
					shown[j] = compact.String()
				}
			}
			panic(coderoomCallFailed{fmt.Sprintf("call %d, %s(%s): panic: %v", k, name, strings.Join(shown, ","), r)})
		}
	}()
	call()
}

func coderoomInvoke(name string, fn reflect.Value, args []json.RawMessage) []reflect.Value {
	t := fn.Type()
	if t.Kind() != reflect.Func {
		panic(name + " is not a function")
	}
	if t.NumIn() != len(args) {
		panic(fmt.Sprintf("%s takes %d arguments, the test gives %d", name, t.NumIn(), len(args)))
	}
	in := make([]reflect.Value, len(args))
	for i := range args {
		in[i] = coderoomValue(args[i], t.In(i), i)
	}
	return fn.Call(in)
}

func coderoomDecode(raw json.RawMessage, target interface{}) {
	if err := json.Unmarshal(raw, target); err != nil {
		panic(err.Error())
	}
}

// coderoomPlain tells whether encoding/json converts JSON to t as the tests mean it: not for
// chars (a byte or rune from a one-character string), lists and trees.
func coderoomPlain(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Uint8, reflect.Int32, reflect.Ptr, reflect.Interface:
		return false
	case reflect.Slice, reflect.Array:
		return coderoomPlain(t.Elem())
	case reflect.Map:
		return coderoomPlain(t.Key()) && coderoomPlain(t.Elem())
	}
	return true
}

// coderoomValue converts argument i's JSON value to the Go type t.
func coderoomValue(raw json.RawMessage, t reflect.Type, i int) reflect.Value {
	raw = bytes.TrimSpace(raw)
	switch {
	case t == coderoomListType:
		var vals []int
		coderoomDecode(raw, &vals)
		var head *ListNode
		for k := len(vals) - 1; k >= 0; k-- {
			head = &ListNode{Val: vals[k], Next: head}
		}
		return reflect.ValueOf(head)
	case t == coderoomTreeType:
		var vals []*int
		coderoomDecode(raw, &vals)
		return reflect.ValueOf(coderoomTree(vals))
	case coderoomPlain(t):
		v := reflect.New(t)
		if err := json.Unmarshal(raw, v.Interface()); err != nil {
			panic(fmt.Sprintf("argument %d: %v", i, err))
		}
		return v.Elem()
	}
	switch t.Kind() {
	case reflect.Uint8, reflect.Int32:
		if len(raw) > 0 && raw[0] == '"' {
			var s string
			coderoomDecode(raw, &s)
			return coderoomChar(s, t)
		}
	case reflect.Slice:
		var items []json.RawMessage
		coderoomDecode(raw, &items)
		v := reflect.MakeSlice(t, len(items), len(items))
		for k, item := range items {
			v.Index(k).Set(coderoomValue(item, t.Elem(), i))
		}
		return v
	case reflect.Map:
		var entries map[string]json.RawMessage
		coderoomDecode(raw, &entries)
		v := reflect.MakeMapWithSize(t, len(entries))
		for key, item := range entries {
			v.SetMapIndex(coderoomKey(key, t.Key()), coderoomValue(item, t.Elem(), i))
		}
		return v
	}
	v := reflect.New(t)
	if err := json.Unmarshal(raw, v.Interface()); err != nil {
		panic(fmt.Sprintf("argument %d: %v", i, err))
	}
	return v.Elem()
}

func coderoomChar(s string, t reflect.Type) reflect.Value {
	v := reflect.New(t).Elem()
	if t.Kind() == reflect.Uint8 {
		if len(s) > 0 {
			v.SetUint(uint64(s[0]))
		}
	} else {
		r, _ := utf8.DecodeRuneInString(s)
		v.SetInt(int64(r))
	}
	return v
}

// coderoomKey converts a JSON object's key to the map's key type.
func coderoomKey(key string, t reflect.Type) reflect.Value {
	switch t.Kind() {
	case reflect.String:
		return reflect.ValueOf(key).Convert(t)
	case reflect.Uint8, reflect.Int32:
		return coderoomChar(key, t)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int64:
		n, err := strconv.ParseInt(key, 10, 64)
		if err != nil {
			panic(err.Error())
		}
		return reflect.ValueOf(n).Convert(t)
	}
	panic("unsupported map key type " + t.String())
}

// coderoomTree builds a tree from LeetCode's level order with nulls.
func coderoomTree(vals []*int) *TreeNode {
	if len(vals) == 0 || vals[0] == nil {
		return nil
	}
	root := &TreeNode{Val: *vals[0]}
	parents := []*TreeNode{root}
	k := 1
	for len(parents) > 0 && k < len(vals) {
		parent := parents[0]
		parents = parents[1:]
		for _, child := range []**TreeNode{&parent.Left, &parent.Right} {
			if k < len(vals) && vals[k] != nil {
				*child = &TreeNode{Val: *vals[k]}
				parents = append(parents, *child)
			}
			k++
		}
	}
	return root
}

// coderoomMapTypes splits map<K,V> (a key is a scalar, so the first comma ends it).
func coderoomMapTypes(declared string) (string, string) {
	inner := strings.TrimSuffix(strings.TrimPrefix(declared, "map<"), ">")
	comma := strings.Index(inner, ",")
	if !strings.HasPrefix(declared, "map<") || comma < 0 {
		return "", ""
	}
	return strings.TrimSpace(inner[:comma]), strings.TrimSpace(inner[comma+1:])
}

func coderoomQuote(b *strings.Builder, s string) {
	q, _ := json.Marshal(s)
	b.Write(q)
}

// coderoomWrite writes v as JSON; declared (the suite's type) tells a char from a number.
func coderoomWrite(b *strings.Builder, v reflect.Value, declared string) {
	for v.Kind() == reflect.Interface {
		if v.IsNil() {
			b.WriteString("null")
			return
		}
		v = v.Elem()
	}
	switch v.Type() {
	case coderoomListType:
		count := 0
		b.WriteByte('[')
		for n := v.Interface().(*ListNode); n != nil; n = n.Next {
			if count++; count > coderoomMaxNodes {
				panic(fmt.Sprintf("the returned list has a cycle or more than %d nodes", coderoomMaxNodes))
			}
			if count > 1 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(n.Val))
		}
		b.WriteByte(']')
		return
	case coderoomTreeType:
		coderoomWriteTree(b, v.Interface().(*TreeNode))
		return
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Array:
		elem := strings.TrimSuffix(declared, "[]")
		b.WriteByte('[')
		for k := 0; k < v.Len(); k++ {
			if k > 0 {
				b.WriteByte(',')
			}
			coderoomWrite(b, v.Index(k), elem)
		}
		b.WriteByte(']')
	case reflect.Map:
		keyType, valueType := coderoomMapTypes(declared)
		type entry struct {
			key   string
			value reflect.Value
		}
		entries := make([]entry, 0, v.Len())
		for it := v.MapRange(); it.Next(); {
			var key strings.Builder
			coderoomWrite(&key, it.Key(), keyType)
			text := key.String()
			if strings.HasPrefix(text, "\"") {
				json.Unmarshal([]byte(text), &text)
			}
			entries = append(entries, entry{text, it.Value()})
		}
		sort.Slice(entries, func(x, y int) bool { return entries[x].key < entries[y].key })
		b.WriteByte('{')
		for k, e := range entries {
			if k > 0 {
				b.WriteByte(',')
			}
			coderoomQuote(b, e.key)
			b.WriteByte(':')
			coderoomWrite(b, e.value, valueType)
		}
		b.WriteByte('}')
	case reflect.Ptr:
		if v.IsNil() {
			b.WriteString("null")
		} else {
			coderoomWrite(b, v.Elem(), declared)
		}
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.String:
		coderoomQuote(b, v.String())
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			b.WriteString("null")
		} else {
			b.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if declared == "char" {
			coderoomQuote(b, string(rune(v.Int())))
		} else {
			b.WriteString(strconv.FormatInt(v.Int(), 10))
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if declared == "char" {
			coderoomQuote(b, string(rune(v.Uint())))
		} else {
			b.WriteString(strconv.FormatUint(v.Uint(), 10))
		}
	default:
		j, err := json.Marshal(v.Interface())
		if err != nil {
			panic(err.Error())
		}
		b.Write(j)
	}
}

// coderoomWriteTree writes LeetCode's level order: null for each missing child of a node,
// trailing nulls left out.
func coderoomWriteTree(b *strings.Builder, root *TreeNode) {
	var order []*TreeNode
	if root != nil {
		order = append(order, root)
	}
	for k := 0; k < len(order); k++ {
		n := order[k]
		if n == nil {
			continue
		}
		if len(order) > 2*coderoomMaxNodes {
			panic(fmt.Sprintf("the returned tree has a cycle or more than %d nodes", coderoomMaxNodes))
		}
		order = append(order, n.Left, n.Right)
	}
	for len(order) > 0 && order[len(order)-1] == nil {
		order = order[:len(order)-1]
	}
	b.WriteByte('[')
	for k, n := range order {
		if k > 0 {
			b.WriteByte(',')
		}
		if n == nil {
			b.WriteString("null")
		} else {
			b.WriteString(strconv.Itoa(n.Val))
		}
	}
	b.WriteByte(']')
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
