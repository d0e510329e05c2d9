/**
 * Hosts on one machine for multi-host tests: network namespaces joined by veth pairs and a virtual
 * switch, and HAProxy on one of them.
 */
package io.coderoom.server.netns;
