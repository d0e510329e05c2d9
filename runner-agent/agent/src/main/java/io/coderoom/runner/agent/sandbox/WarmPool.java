package io.coderoom.runner.agent.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pre-started single-use containers per image, so container start (the floor of a cold run) is off
 * the request path. A container is ready once its language's warmup has loaded (TypeScript's type
 * checker). A container taken from the pool runs one program and is removed like a cold one; the
 * pool starts its replacement in the background once that run is over, one at a time: starting a
 * container (and loading a type checker) while the run goes on would take CPU from it.
 */
final class WarmPool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WarmPool.class);

  private final ContainerFactory containers;
  private final int size;
  private final Map<String, ConcurrentLinkedDeque<Box>> ready = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> starting = new ConcurrentHashMap<>();
  private final Map<String, Long> memoryMb = new ConcurrentHashMap<>();
  private final ExecutorService starter =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name("warm-pool").daemon().factory());
  private volatile boolean closed;

  WarmPool(ContainerFactory containers, int size) {
    this.containers = containers;
    this.size = size;
  }

  /** Keeps {@code size} containers of this image ready, with this memory limit. */
  void register(String image, long memory) {
    if (size <= 0) {
      return;
    }
    memoryMb.put(image, memory);
    ready.computeIfAbsent(image, i -> new ConcurrentLinkedDeque<>());
    starting.computeIfAbsent(image, i -> new AtomicInteger());
    refill(image);
  }

  /** A ready container of this image and memory limit, if there is one. */
  Optional<Box> take(String image, long memory) {
    ConcurrentLinkedDeque<Box> boxes = ready.get(image);
    if (boxes == null || closed || memoryMb.getOrDefault(image, -1L) != memory) {
      return Optional.empty();
    }
    Box box = boxes.pollFirst();
    if (box == null) {
      // None ready and, unless one is starting, none coming (a start failed, or runs came in a
      // burst): start one now.
      refill(image);
    }
    return Optional.ofNullable(box).map(Box::asWarm);
  }

  /** A container the pool handed out is gone: starts its replacement. */
  void replace(Box used) {
    if (used.warm() && ready.containsKey(used.image())) {
      refill(used.image());
    }
  }

  private void refill(String image) {
    AtomicInteger pending = starting.get(image);
    ConcurrentLinkedDeque<Box> boxes = ready.get(image);
    while (!closed) {
      int inFlight = pending.get();
      if (boxes.size() + inFlight >= size) {
        return;
      }
      if (pending.compareAndSet(inFlight, inFlight + 1)) {
        starter.execute(() -> startOne(image, boxes, pending));
      }
    }
  }

  private void startOne(String image, ConcurrentLinkedDeque<Box> boxes, AtomicInteger pending) {
    try {
      if (closed) {
        return;
      }
      Box box = containers.startWarm(image, memoryMb.get(image));
      if (closed) {
        containers.remove(box);
      } else {
        boxes.addLast(box);
      }
    } catch (RuntimeException e) {
      log.warn("warm container of {} did not start: {}", image, e.toString());
    } finally {
      pending.decrementAndGet();
    }
  }

  /** Number of ready containers of an image. */
  int ready(String image) {
    ConcurrentLinkedDeque<Box> boxes = ready.get(image);
    return boxes == null ? 0 : boxes.size();
  }

  @Override
  public void close() {
    closed = true;
    starter.shutdown();
    try {
      starter.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (ConcurrentLinkedDeque<Box> boxes : ready.values()) {
      Box box;
      while ((box = boxes.pollFirst()) != null) {
        containers.remove(box);
      }
    }
  }
}
