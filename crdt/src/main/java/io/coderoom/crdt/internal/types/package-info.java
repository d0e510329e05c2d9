/** Shared-type state and list/map/text algorithms (Yjs src/types). */
package io.coderoom.crdt.internal.types;
