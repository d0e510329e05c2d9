/** Structs of the Yjs model (Item, GC, Skip), their ids and the per-client struct store. */
package io.coderoom.crdt.internal.struct;
