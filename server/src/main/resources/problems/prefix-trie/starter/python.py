class Trie:
    def __init__(self):
        # Set up an empty set of words.
        pass

    def insert(self, word: str) -> None:
        # Add word to the set.
        pass

    def search(self, word: str) -> bool:
        # Return whether word itself was added.
        return False

    def startsWith(self, prefix: str) -> bool:
        # Return whether some added word begins with prefix.
        return False
