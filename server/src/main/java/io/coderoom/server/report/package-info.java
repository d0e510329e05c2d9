/**
 * The record of an interview after it: interviewers' scorecards, the team's criteria for them, the
 * final text of a room's documents, and the report that gathers all of it.
 */
package io.coderoom.server.report;
