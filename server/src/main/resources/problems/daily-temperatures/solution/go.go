package main

func dailyTemperatures(temperatures []int) []int {
	answer := make([]int, len(temperatures))
	waiting := []int{} // days without a warmer day yet; temperatures never increase upwards
	for i, t := range temperatures {
		for len(waiting) > 0 && temperatures[waiting[len(waiting)-1]] < t {
			j := waiting[len(waiting)-1]
			waiting = waiting[:len(waiting)-1]
			answer[j] = i - j
		}
		waiting = append(waiting, i)
	}
	return answer
}
