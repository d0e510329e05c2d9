/** Documents, transactions, delete sets and the v1 update reader/writer (Yjs src/utils). */
package io.coderoom.crdt.internal.core;
