/** The problem catalogue: statements, starter code per language, and public and hidden tests. */
package io.coderoom.server.problem;
