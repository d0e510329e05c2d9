using System;
using System.Collections.Generic;

public class Solution {
    public int LadderLength(string beginWord, string endWord, string[] wordList) {
        // Return the number of words in the shortest ladder from beginWord to endWord, or 0.
        return -1;
    }
}
