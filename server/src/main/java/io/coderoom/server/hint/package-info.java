/** A problem's hints in a room: which are revealed, and whether the next one may be. */
package io.coderoom.server.hint;
