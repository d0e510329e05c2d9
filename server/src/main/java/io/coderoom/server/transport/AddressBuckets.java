package io.coderoom.server.transport;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address: {@code perMinute} requests at once, refilled at {@code
 * perMinute} a minute. Memory stays bounded: a bucket that has refilled is the same as none and is
 * dropped, and past {@code maxAddresses} the least recently seen address is forgotten. Thread-safe;
 * every call is a few arithmetic operations under one lock.
 */
final class AddressBuckets {
  private final double capacity;
  private final double perNano;
  private final int maxAddresses;
  private final LongSupplier nanos;

  /** Least recently used first. */
  private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(64, 0.75f, true);

  AddressBuckets(int perMinute, int maxAddresses, LongSupplier nanos) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("perMinute must be at least 1, was " + perMinute);
    }
    this.capacity = perMinute;
    this.perNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
    this.maxAddresses = maxAddresses;
    this.nanos = nanos;
  }

  /**
   * Takes one token of the address's bucket.
   *
   * @return empty when it had one; else how long until it has
   */
  synchronized Optional<Duration> take(String address) {
    long now = nanos.getAsLong();
    Bucket bucket = refilled(address, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return Optional.empty();
    }
    return Optional.of(untilOne(bucket));
  }

  /**
   * Whether the address's bucket is empty, without taking from it.
   *
   * @return empty when it has a token; else how long until it has
   */
  synchronized Optional<Duration> emptyFor(String address) {
    Bucket bucket = buckets.get(address);
    if (bucket == null) {
      return Optional.empty();
    }
    refill(bucket, nanos.getAsLong());
    return bucket.tokens >= 1 ? Optional.empty() : Optional.of(untilOne(bucket));
  }

  /** Addresses with a bucket now (for tests of the bound). */
  synchronized int size() {
    return buckets.size();
  }

  private Bucket refilled(String address, long now) {
    forgetIdle(now);
    Bucket bucket = buckets.get(address);
    if (bucket == null) {
      bucket = new Bucket(capacity, now);
      buckets.put(address, bucket);
      if (buckets.size() > maxAddresses) {
        Iterator<String> eldest = buckets.keySet().iterator();
        eldest.next();
        eldest.remove();
      }
    } else {
      refill(bucket, now);
    }
    return bucket;
  }

  /** Drops the least recently used buckets that have refilled since: they hold nothing. */
  private void forgetIdle(long now) {
    Iterator<Map.Entry<String, Bucket>> eldest = buckets.entrySet().iterator();
    for (int checked = 0; checked < 2 && eldest.hasNext(); checked++) {
      Bucket bucket = eldest.next().getValue();
      if (bucket.tokens + (now - bucket.updated) * perNano >= capacity) {
        eldest.remove();
      } else {
        return;
      }
    }
  }

  private void refill(Bucket bucket, long now) {
    bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updated) * perNano);
    bucket.updated = now;
  }

  private Duration untilOne(Bucket bucket) {
    return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / perNano));
  }

  private static final class Bucket {
    private double tokens;
    private long updated;

    Bucket(double tokens, long updated) {
      this.tokens = tokens;
      this.updated = updated;
    }
  }
}
