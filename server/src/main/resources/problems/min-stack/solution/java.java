import java.util.*;

class MinStack {
  private int[] values = new int[16];
  // mins[i] is the minimum of values[0..i].
  private int[] mins = new int[16];
  private int size;

  public MinStack() {}

  public void push(int val) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
      mins = Arrays.copyOf(mins, size * 2);
    }
    values[size] = val;
    mins[size] = size == 0 ? val : Math.min(val, mins[size - 1]);
    size++;
  }

  public void pop() {
    size--;
  }

  public int top() {
    return values[size - 1];
  }

  public int getMin() {
    return mins[size - 1];
  }
}
