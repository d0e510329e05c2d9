/** The Coderoom server process: its configuration and the wiring of its parts. */
package io.coderoom.server;
