#!/usr/bin/env bash
# Watches a test run's log. When it has not grown for SILENCE seconds while the test process runs, prints
# where each thread of that process stands (its frames in the project's own code; the whole dump goes to
# STACKS), then kills the process: a hang ends as a failure that says where it hung, not at CI's time limit.
# Usage: Scripts/test-watchdog.sh LOG [SILENCE_SECONDS] [STACKS]
log=$1
silence=${2:-900}
stacks=${3:-/tmp/wayfinder-test-stacks.txt}
last=-1
quiet=0
while sleep 15; do
  size=$(stat -c %s "$log" 2>/dev/null || echo 0)
  if [ "$size" != "$last" ]; then last=$size; quiet=0; continue; fi
  quiet=$((quiet + 15))
  tests=$(pgrep -f 'PackageTests.xctest' | head -1)
  [ -n "$tests" ] && [ "$quiet" -ge "$silence" ] || continue
  echo "test-watchdog: no test output for ${quiet} s; the threads of the test process (pid $tests):" >&2
  if command -v gdb >/dev/null; then
    timeout 300 gdb -p "$tests" -batch -ex "thread apply all bt" >"$stacks" 2>&1
    python3 - "$stacks" >&2 <<'PY'
import re, sys
text = open(sys.argv[1], errors="replace").read()
others = {}
for thread in re.split(r"\n(?=Thread \d+ )", text)[1:]:
    frames = [line for line in thread.splitlines() if line.startswith("#")]
    own = [f for f in frames if ("/Sources/" in f or "/Tests/" in f) and "/.build/" not in f]
    if not own:
        # Threads outside the project's code, counted by the function they wait in.
        top = " < ".join(re.sub(r"^#\d+\s+(0x[0-9a-f]+ in )?", "", f).split(" (")[0][:60] for f in frames[:6])
        others[top] = others.get(top, 0) + 1
        continue
    print(thread.splitlines()[0][:120])
    for frame in ([frames[0]] + own)[:12]:
        name = re.sub(r"\s+", " ", frame)[:220]
        print("   ", name)
for top, count in sorted(others.items(), key=lambda item: -item[1]):
    print(f"{count} other threads in {top}")
PY
    echo "test-watchdog: every thread's stack is in $stacks" >&2
  else
    echo "test-watchdog: gdb is not installed, so no stacks" >&2
  fi
  kill -9 "$tests"
  exit 1
done
