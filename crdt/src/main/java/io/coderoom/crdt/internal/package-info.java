/** Implementation of the Yjs v13 model; not API, may change at any time. */
package io.coderoom.crdt.internal;
