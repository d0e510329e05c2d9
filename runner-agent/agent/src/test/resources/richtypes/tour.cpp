// Every test value type through one design class (the harness declares ListNode and TreeNode).
class TypeTour {
  int base;
  long long sum = 0;

 public:
  TypeTour(int base) : base(base) {}

  ListNode* reverse(ListNode* head) {
    ListNode* done = nullptr;
    while (head != nullptr) {
      ListNode* next = head->next;
      head->next = done;
      done = head;
      head = next;
    }
    return done;
  }

  TreeNode* mirror(TreeNode* root) {
    if (root == nullptr) return nullptr;
    TreeNode* left = mirror(root->left);
    root->left = mirror(root->right);
    root->right = left;
    return root;
  }

  unordered_map<string, int> count(vector<string>& words) {
    unordered_map<string, int> counts;
    for (const string& w : words) counts[w]++;
    return counts;
  }

  char shift(char c) { return c + 1; }

  long long scale(long long x) { return x * base; }

  double mean(const vector<int>& xs) {
    double total = 0;
    for (int x : xs) total += x;
    return total / xs.size();
  }

  vector<vector<int>> transpose(vector<vector<int>>& grid) {
    vector<vector<int>> out(grid[0].size(), vector<int>(grid.size()));
    for (size_t r = 0; r < grid.size(); r++)
      for (size_t c = 0; c < grid[r].size(); c++) out[c][r] = grid[r][c];
    return out;
  }

  map<long long, char> invert(const unordered_map<char, long long>& m) {
    map<long long, char> out;
    for (auto& [k, v] : m) out[v] = k;
    return out;
  }

  vector<char> letters(string s) { return vector<char>(s.begin(), s.end()); }

  void add(int x) { sum += x; }

  long long total() { return sum; }

  bool allTrue(vector<bool>& flags) {
    for (bool f : flags) if (!f) return false;
    return true;
  }

  unordered_map<int, int> groups(map<int, vector<string>> byLength) {
    unordered_map<int, int> sizes;
    for (auto& [length, words] : byLength) sizes[length] = words.size();
    return sizes;
  }

  vector<ListNode*> lists(vector<vector<int>>& values) {
    vector<ListNode*> out;
    for (auto& v : values) {
      ListNode dummy;
      ListNode* tail = &dummy;
      for (int x : v) tail = tail->next = new ListNode(x);
      out.push_back(dummy.next);
    }
    return out;
  }
};
