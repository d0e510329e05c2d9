/** Interview rooms: creating and ending them, their links, and who may enter them. */
package io.coderoom.server.room;
