/** Item contents, one class per Yjs content kind (src/structs/Content*.js). */
package io.coderoom.crdt.internal.content;
