# shellcheck shell=bash
# Sourced by ./coderoom (which sets ROOT, STATE, RUN and LOGS): what a test run left, read from
# its reports rather than from the build's log.

# Line and branch coverage, as the run left it: each Java module's unit and integration tests
# together (JaCoCo's target/site/jacoco/jacoco.csv), then the web client's unit tests (vitest).
print_coverage() {
  log "Coverage (lines, branches)"
  local csv
  for csv in "$ROOT"/*/target/site/jacoco/jacoco.csv "$ROOT"/*/*/target/site/jacoco/jacoco.csv; do
    [[ -f $csv ]] || continue
    csv=${csv#"$ROOT/"}
    # Columns: group, package, class, instructions missed/covered, branches missed/covered, lines missed/covered, ...
    awk -F, -v module="${csv%%/target/*}" 'NR > 1 { bm += $6; bc += $7; lm += $8; lc += $9 }
      END { printf "    %-22s lines %5.1f%% of %6d   branches %5.1f%% of %6d\n", module,
              lm + lc ? 100 * lc / (lm + lc) : 0, lm + lc, bm + bc ? 100 * bc / (bm + bc) : 0, bm + bc }' "$ROOT/$csv"
  done
  local web="$ROOT/web-client/target/coverage/coverage-summary.json"
  if [[ -f $web ]]; then
    node -e 'const t = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).total;
      console.log(`    ${"web-client".padEnd(22)} lines ${t.lines.pct.toFixed(1).padStart(5)}% of ${String(t.lines.total).padStart(6)}   branches ${t.branches.pct.toFixed(1).padStart(5)}% of ${String(t.branches.total).padStart(6)}`)' "$web"
  fi
}

# The JUnit reports a test run wrote (Surefire's and Failsafe's, and the reports beside them: the
# web client's vitest, the Kubernetes check, the compose check), newer than the file SINCE.
test_reports() { # test_reports SINCE
  find "$ROOT" -path '*/node_modules' -prune -o -path '*/target/*-reports/TEST-*.xml' \
    -newer "$1" -print | sort
}

# Per module, the tests its reports count, then the classes with failures, and one closing line
# with the totals: passed, failed (failures and errors), skipped. A module Maven never reached
# (an earlier one failed) has no reports, and is named as not run.
print_test_summary() { # print_test_summary SINCE
  log "Test summary (from the test reports)"
  local reports pom expected=""
  reports=$(test_reports "$1")
  # The modules with tests, in the reactor's folders: Java tests, or a node project whose tests
  # npm runs (the web client's vitest, deploy/kubernetes/check's node test runner).
  for pom in "$ROOT"/*/pom.xml "$ROOT"/*/*/pom.xml "$ROOT"/*/*/*/pom.xml; do
    [[ -f $pom ]] || continue
    pom=${pom%/pom.xml}
    [[ -d $pom/src/test || -f $pom/package.json ]] && expected+=" ${pom#"$ROOT/"}"
  done
  # The compose deployment's check, which ./coderoom test runs after Maven.
  expected+=" deploy/compose"
  if [[ -z $reports ]]; then
    info "no test reports were written"
    echo "0 passed, 0 failed, 0 skipped"
    return 0
  fi
  # Each <testsuite> element (not <testsuites>) counts its tests once: a Surefire or Failsafe
  # report holds one, vitest's one per test file.
  # shellcheck disable=SC2086
  awk -v root="$ROOT/" -v expected="$expected" '
    function attr(line, name,   m) {
      return match(line, " " name "=\"[0-9]+\"") ? substr(line, RSTART + length(name) + 3, RLENGTH - length(name) - 4) + 0 : 0
    }
    /<testsuite[ >]/ {
      module = FILENAME; sub(root, "", module); sub("/target/.*", "", module)
      if (!(module in tests)) order[++modules] = module
      t = attr($0, "tests"); f = attr($0, "failures") + attr($0, "errors"); s = attr($0, "skipped")
      tests[module] += t; failed[module] += f; skipped[module] += s
      if (f > 0 && match($0, / name="[^"]*"/)) bad[++bads] = substr($0, RSTART + 7, RLENGTH - 8)
    }
    END {
      for (i = 1; i <= modules; i++) {
        m = order[i]; all += tests[m]; allFailed += failed[m]; allSkipped += skipped[m]
        printf "    %-24s %6d tests, %d failed, %d skipped\n", m, tests[m], failed[m], skipped[m]
      }
      n = split(expected, want, " ")
      for (i = 1; i <= n; i++) if (!(want[i] in tests)) printf "    %-24s not run\n", want[i]
      for (i = 1; i <= bads; i++) printf "    failed: %s\n", bad[i]
      printf "%d passed, %d failed, %d skipped\n", all - allFailed - allSkipped, allFailed, allSkipped
    }' $reports
}
