package io.coderoom.runner.protocol;

/** What a job asks for. */
public enum RunMode {
  /** Compile and run the program with the job's stdin; stream stdout and stderr. */
  RUN,
  /** Function mode: a harness calls the candidate's function on each test case's input. */
  TEST
}
