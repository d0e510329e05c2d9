package main

// Tries every way to get a function-mode run's hidden tests out to the candidate: what /code, /tmp
// and /proc hold at load time, the value and the error of public cases, a thread and a child
// process that print what comes later, and the exit code, time and memory of the run.

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
)

var leakLock sync.Mutex
var leakSeen []string

func leakJoined() string {
	leakLock.Lock()
	defer leakLock.Unlock()
	return strings.Join(leakSeen, " | ")
}

func leakRead(path string, limit int) string {
	f, err := os.Open(path)
	if err != nil {
		return "<" + err.Error() + ">"
	}
	defer f.Close()
	buffer := make([]byte, limit)
	n, _ := f.Read(buffer)
	return strings.ReplaceAll(string(buffer[:n]), "\x00", " ")
}

func leakListing(full bool) string {
	var parts []string
	source := regexp.MustCompile(`^(main|Main|solution|Solution)\.|^\.coderoom-`)
	for _, dir := range []string{"/code", "/tmp"} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			path := dir + "/" + e.Name()
			info, err := os.Stat(path)
			if err == nil && info.Mode().IsRegular() && info.Size() > 0 && !(dir == "/code" && source.MatchString(e.Name())) {
				limit := 300
				if full {
					limit = 1500
				}
				parts = append(parts, path+": "+leakRead(path, limit))
			} else {
				parts = append(parts, path)
			}
		}
	}
	if full {
		entries, _ := os.ReadDir("/proc")
		var pids []string
		for _, e := range entries {
			if regexp.MustCompile(`^\d+$`).MatchString(e.Name()) {
				pids = append(pids, e.Name())
			}
		}
		sort.Strings(pids)
		for _, pid := range pids {
			parts = append(parts, "/proc/"+pid+": "+leakRead("/proc/"+pid+"/cmdline", 300)+" | "+leakRead("/proc/"+pid+"/environ", 300))
		}
	}
	return strings.Join(parts, "; ")
}

func init() {
	fmt.Println("load dump " + leakListing(true))
	go func() {
		count := 0
		for {
			leakLock.Lock()
			now := len(leakSeen)
			leakLock.Unlock()
			if now != count {
				count = now
				fmt.Printf("thread saw %d: %s\n", count, leakJoined())
			}
			time.Sleep(20 * time.Millisecond)
		}
	}()
}

func reverseWords(s string) string {
	// The curated problem's third example is answered plainly and not counted (see leak.py).
	if s == "coding  is   fun" {
		return "fun is coding"
	}
	leakLock.Lock()
	leakSeen = append(leakSeen, s)
	n := len(leakSeen)
	leakLock.Unlock()
	switch n {
	case 1:
		return "case0 returns " + leakListing(false) + "; seen " + leakJoined()
	case 2:
		panic("case1 throws " + leakListing(false) + "; seen " + leakJoined())
	case 3:
		fmt.Println("hidden prints " + s)
		child := exec.Command("/bin/sh", "-c", `sleep 0.2; echo "child carries $0"`, s)
		child.Stdout = os.Stdout
		child.Start()
		panic("hidden throws " + s)
	case 4:
		exec.Command("/bin/sh", "-c", "head -c 400000000 /dev/zero | tail -n 1 > /dev/null").Run()
		time.Sleep(1500 * time.Millisecond)
		fmt.Println("hidden exits " + s)
		os.Exit(42)
	}
	words := strings.Fields(s)
	for i, j := 0, len(words)-1; i < j; i, j = i+1, j-1 {
		words[i], words[j] = words[j], words[i]
	}
	return strings.Join(words, " ")
}
