package io.coderoom.server.web;

/**
 * One file of the web client, held in memory with its precomputed variants.
 *
 * @param contentType the Content-Type header
 * @param body the file's bytes
 * @param gzipped the gzip-compressed bytes, or null when compression does not pay
 * @param etag a strong validator derived from the content
 * @param cacheControl the Cache-Control header: forever for hashed assets, revalidate otherwise
 */
record StaticFile(
    String contentType, byte[] body, byte[] gzipped, String etag, String cacheControl) {}
