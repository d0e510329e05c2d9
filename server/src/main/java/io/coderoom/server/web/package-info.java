/**
 * Serves the built web client: content types, caching, compression and the single-page fallback.
 */
package io.coderoom.server.web;
