/** A room's timeline read back from storage for playback, and the offline file that carries it. */
package io.coderoom.server.playback;
