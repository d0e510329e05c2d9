/** Public API of the pure-Java Yjs v13 implementation: documents, shared types and updates. */
package io.coderoom.crdt;
