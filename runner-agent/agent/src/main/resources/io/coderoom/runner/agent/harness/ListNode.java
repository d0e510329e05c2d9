// The singly linked list node the Java harness provides (see
// io.coderoom.runner.agent.harness.Harness): the candidate's code uses it without declaring it.
public class ListNode {
  public int val;
  public ListNode next;

  public ListNode() {}

  public ListNode(int val) {
    this.val = val;
  }

  public ListNode(int val, ListNode next) {
    this.val = val;
    this.next = next;
  }
}
