// Every test value type through one design class (the harness declares ListNode and TreeNode).
package main

type TypeTour struct {
	base int
	sum  int64
}

func Constructor(base int) TypeTour {
	return TypeTour{base: base}
}

func (this *TypeTour) Reverse(head *ListNode) *ListNode {
	var done *ListNode
	for head != nil {
		next := head.Next
		head.Next = done
		done = head
		head = next
	}
	return done
}

func (this *TypeTour) Mirror(root *TreeNode) *TreeNode {
	if root == nil {
		return nil
	}
	root.Left, root.Right = this.Mirror(root.Right), this.Mirror(root.Left)
	return root
}

func (this *TypeTour) Count(words []string) map[string]int {
	counts := map[string]int{}
	for _, w := range words {
		counts[w]++
	}
	return counts
}

func (this *TypeTour) Shift(c byte) byte {
	return c + 1
}

func (this *TypeTour) Scale(x int64) int64 {
	return x * int64(this.base)
}

func (this *TypeTour) Mean(xs []int) float64 {
	total := 0
	for _, x := range xs {
		total += x
	}
	return float64(total) / float64(len(xs))
}

func (this *TypeTour) Transpose(grid [][]int) [][]int {
	out := make([][]int, len(grid[0]))
	for c := range out {
		out[c] = make([]int, len(grid))
		for r := range grid {
			out[c][r] = grid[r][c]
		}
	}
	return out
}

func (this *TypeTour) Invert(m map[byte]int) map[int]byte {
	out := map[int]byte{}
	for k, v := range m {
		out[v] = k
	}
	return out
}

func (this *TypeTour) Letters(s string) []byte {
	return []byte(s)
}

func (this *TypeTour) Add(x int) {
	this.sum += int64(x)
}

func (this *TypeTour) Total() int64 {
	return this.sum
}

func (this *TypeTour) AllTrue(flags []bool) bool {
	for _, f := range flags {
		if !f {
			return false
		}
	}
	return true
}

func (this *TypeTour) Groups(byLength map[int][]string) map[int]int {
	sizes := map[int]int{}
	for length, words := range byLength {
		sizes[length] = len(words)
	}
	return sizes
}

func (this *TypeTour) Lists(values [][]int) []*ListNode {
	var out []*ListNode
	for _, v := range values {
		dummy := &ListNode{}
		tail := dummy
		for _, x := range v {
			tail.Next = &ListNode{Val: x}
			tail = tail.Next
		}
		out = append(out, dummy.Next)
	}
	return out
}
