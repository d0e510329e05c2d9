package io.coderoom.server.transport;

/**
 * An endpoint's answer that another server instance holds what the request is about (a live room):
 * the request goes there unchanged and its response comes back (see {@link PeerForwarding}), or,
 * for a WebSocket, the socket is relayed there.
 */
public final class HeldElsewhere extends RuntimeException {
  private final String address;

  /**
   * @param address how the instances reach the one that holds it (host:port)
   */
  public HeldElsewhere(String address) {
    super("held by the instance at " + address, null, false, false);
    this.address = address;
  }

  public String address() {
    return address;
  }
}
