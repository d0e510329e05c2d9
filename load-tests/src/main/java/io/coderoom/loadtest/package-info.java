/** Load generators and benchmark commands: they print figures; they are not tests. */
package io.coderoom.loadtest;
