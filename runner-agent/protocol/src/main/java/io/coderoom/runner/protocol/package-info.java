/**
 * The contract between the server and runner agents: Redis key and stream names, and the fields of
 * the messages they exchange. The server and the agent both use this module; nothing copies it.
 */
package io.coderoom.runner.protocol;
