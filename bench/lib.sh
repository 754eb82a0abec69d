# Shared by bench/run and bench/scale (sourced, from the repository root): finds JDK 25 and builds the
# jar, the test classes and their class path.

# Sets java25 to a JDK 25+ java: BENCH_JAVA, else Temurin 25 or the java on PATH; exits 2 if none.
find_java25() {
  java25=${BENCH_JAVA:-}
  if [ -z "$java25" ]; then
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java "$(command -v java || true)"; do
      [ -x "$candidate" ] || continue
      feature=$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
      if [ "${feature%%.*}" -ge 25 ] 2>/dev/null; then java25=$candidate; break; fi
    done
  fi
  [ -n "$java25" ] || { echo "$0 needs JDK 25+: set BENCH_JAVA=/path/to/java" >&2; exit 2; }
}

# Builds target/odoo-mcp-bridge.jar and the test classes; sets cp to the test class path. $1 = work dir.
build_classpath() {
  echo "== building (jar, test classes, class path)" >&2
  ./mvnw -q -B -DskipTests -DskipITs package
  ./mvnw -q -B test-compile
  ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$1/classpath.txt" >/dev/null
  cp="$root/target/test-classes:$root/target/classes:$(cat "$1/classpath.txt")"
}

# Replaces what lies between <!-- $1:begin --> and <!-- $1:end --> in docs/benchmarks.md with file $2.
save_table() {
  local doc=$root/docs/benchmarks.md
  awk -v table="$2" -v begin="<!-- $1:begin -->" -v end="<!-- $1:end -->" '
    $0 == begin { print; while ((getline line < table) > 0) print line; skip=1; next }
    $0 == end { skip=0 }
    !skip { print }' "$doc" >"$doc.tmp" && mv "$doc.tmp" "$doc"
  echo "== saved to docs/benchmarks.md" >&2
}
