class MinStack:
    def __init__(self):
        # Set up an empty stack.
        pass

    def push(self, val: int) -> None:
        pass

    def pop(self) -> None:
        pass

    def top(self) -> int:
        # Return the top element.
        return 0

    def getMin(self) -> int:
        # Return the smallest element in the stack.
        return 0
