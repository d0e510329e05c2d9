package main

import (
	"bufio"
	"os"
	"strconv"
)

func main() {
	in := bufio.NewReaderSize(os.Stdin, 1<<16)
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer out.Flush()

	// nextInt reads the next integer, skipping whitespace.
	nextInt := func() int64 {
		c, _ := in.ReadByte()
		for c == ' ' || c == '\n' || c == '\r' || c == '\t' {
			c, _ = in.ReadByte()
		}
		negative := c == '-'
		if negative {
			c, _ = in.ReadByte()
		}
		var value int64
		for c >= '0' && c <= '9' {
			value = value*10 + int64(c-'0')
			var err error
			if c, err = in.ReadByte(); err != nil {
				break
			}
		}
		if negative {
			return -value
		}
		return value
	}

	n := int(nextInt())
	// prefix[i] is the sum of the first i numbers, so a[l..r] = prefix[r] - prefix[l-1].
	prefix := make([]int64, n+1)
	for i := 0; i < n; i++ {
		prefix[i+1] = prefix[i] + nextInt()
	}
	q := int(nextInt())
	for k := 0; k < q; k++ {
		l := nextInt()
		r := nextInt()
		out.WriteString(strconv.FormatInt(prefix[r]-prefix[l-1], 10))
		out.WriteByte('\n')
	}
}
