/** PostgreSQL: the connection pool, schema migrations and data access with Jdbi. */
package io.coderoom.server.store;
