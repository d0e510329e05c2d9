class TrieNode:
    __slots__ = ("children", "is_word")

    def __init__(self):
        self.children = {}  # letter -> TrieNode
        self.is_word = False  # an inserted word ends here


class Trie:
    def __init__(self):
        self.root = TrieNode()

    def insert(self, word: str) -> None:
        node = self.root
        for letter in word:
            child = node.children.get(letter)
            if child is None:
                child = node.children[letter] = TrieNode()
            node = child
        node.is_word = True

    def search(self, word: str) -> bool:
        node = self._find(word)
        return node is not None and node.is_word

    def startsWith(self, prefix: str) -> bool:
        return self._find(prefix) is not None

    def _find(self, path: str):
        """The node that path leads to from the root, or None if the path leaves the tree."""
        node = self.root
        for letter in path:
            node = node.children.get(letter)
            if node is None:
                return None
        return node
