def twoSum(nums, target):
    print("checking", len(nums), "numbers")
    seen = {}
    for i, x in enumerate(nums):
        if target - x in seen:
            return [seen[target - x], i]
        seen[x] = i
    return []
