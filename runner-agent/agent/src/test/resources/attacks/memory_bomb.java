import java.lang.reflect.Field;
import sun.misc.Unsafe;

// Native memory, written as it is taken: the heap's own limit would stop the program with an
// OutOfMemoryError first and never reach the container's.
public class Main {
  public static void main(String[] args) throws Exception {
    Field f = Unsafe.class.getDeclaredField("theUnsafe");
    f.setAccessible(true);
    Unsafe unsafe = (Unsafe) f.get(null);
    long block = 64L << 20;
    while (true) {
      long address = unsafe.allocateMemory(block);
      unsafe.setMemory(address, block, (byte) 1);
    }
  }
}
