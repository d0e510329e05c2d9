package io.coderoom.loadtest;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** Load is only ever sent to this machine: a target outside loopback is refused. */
final class LoopbackTarget {
  private LoopbackTarget() {}

  static URI require(URI target) {
    String host = target.getHost();
    if (host == null) {
      throw new IllegalArgumentException("the target needs a host: " + target);
    }
    try {
      if (!InetAddress.getByName(host).isLoopbackAddress()) {
        throw new IllegalArgumentException(
            "refusing to load " + host + ": load tests only target loopback (127.0.0.0/8, ::1)");
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown host " + host, e);
    }
    return target;
  }
}
