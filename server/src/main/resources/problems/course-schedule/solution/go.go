package main

func canFinish(numCourses int, prerequisites [][]int) bool {
	unlocks := make([][]int, numCourses)
	waiting := make([]int, numCourses)
	for _, requirement := range prerequisites {
		unlocks[requirement[1]] = append(unlocks[requirement[1]], requirement[0])
		waiting[requirement[0]]++
	}
	ready := []int{}
	for c := 0; c < numCourses; c++ {
		if waiting[c] == 0 {
			ready = append(ready, c)
		}
	}
	taken := 0
	for head := 0; head < len(ready); head++ {
		taken++
		for _, after := range unlocks[ready[head]] {
			waiting[after]--
			if waiting[after] == 0 {
				ready = append(ready, after)
			}
		}
	}
	return taken == numCourses
}
