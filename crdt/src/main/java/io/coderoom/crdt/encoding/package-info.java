/** lib0 binary encoding (varints, strings, {@code writeAny}) as used by Yjs and y-protocols. */
package io.coderoom.crdt.encoding;
