#!/usr/bin/env bash
# The project's test command; README and .ci/run call exactly `bash tests/run.sh` from the repository root.
# On a fresh Debian 12 machine (as root) it installs RabbitMQ and PostgreSQL when they are missing, builds the
# solution, runs every test project with a TRX logger and ends with the line CI reads:
#     N passed, N failed[, N skipped]
# It exits non-zero when the build fails, a test fails or a test run aborts, or no test ran at all.
# Settings (environment): CONFIGURATION (default Release), TEST_RESULTS_DIR (default ./TestResults).
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
ROOT=$(pwd)
CONFIGURATION=${CONFIGURATION:-Release}
RESULTS_DIR=${TEST_RESULTS_DIR:-$ROOT/TestResults}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

step() { printf '\n==> %s\n' "$*"; }
warn() { printf 'tests/run.sh: %s\n' "$*" >&2; }

# Stops before any test ran; CI still gets its line.
abort() {
    warn "$*"
    echo "0 passed, 0 failed"
    exit 1
}

# ---------------------------------------------------------------------------------------------------------------
# Infrastructure the fixtures (tests/NewsIngest.Testing) start as throwaway processes: install only what is missing.

newest_postgres_bin() { # Debian's server packages put initdb there, off PATH (a client-only one has no initdb)
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && echo "$dir"
    done | sort -V | tail -n 1
}

missing=()
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
command -v amqp-publish > /dev/null || missing+=(amqp-tools)
command -v chromium > /dev/null || missing+=(chromium) # the CLI's page is tested in headless Chromium
if ! command -v initdb > /dev/null && [ -z "$(newest_postgres_bin)" ]; then
    missing+=(postgresql)
fi

if [ ${#missing[@]} -gt 0 ]; then
    step "installing ${missing[*]}"
    [ "$(id -u)" -eq 0 ] || abort "missing ${missing[*]}; run as root to install them, or install them first"
    apt-get update || abort "apt-get update failed"
    # Debian's maintainer scripts would start system-wide services; the tests run their own throwaway servers.
    created_policy=
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && created_policy=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
    install_rc=$?
    [ -n "$created_policy" ] && rm -f /usr/sbin/policy-rc.d
    [ $install_rc -eq 0 ] || abort "apt-get install ${missing[*]} failed (exit $install_rc)"
fi

# docker-compose v1 validates docker-compose.yml for the compose tests (no engine needed); without its recommends,
# which would pull in the Docker engine.
if ! command -v docker-compose > /dev/null; then
    step "installing docker-compose"
    [ "$(id -u)" -eq 0 ] || abort "missing docker-compose; run as root to install it, or install it first"
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker-compose; } \
        || abort "apt-get install docker-compose failed"
fi

if ! command -v initdb > /dev/null; then
    pg_bin=$(newest_postgres_bin)
    [ -n "$pg_bin" ] || abort "PostgreSQL server binaries (initdb, pg_ctl) not found"
    export PATH="$pg_bin:$PATH"
fi

command -v dotnet > /dev/null || abort "the .NET SDK (dotnet) is not on PATH; install the SDK pinned in global.json"

# ---------------------------------------------------------------------------------------------------------------
step "dotnet build NewsIngest.sln -c $CONFIGURATION"
dotnet build NewsIngest.sln -c "$CONFIGURATION" || abort "build failed"

# ---------------------------------------------------------------------------------------------------------------
# Every scratch directory the fixtures create goes under RUN_TMP (they read NEWSINGEST_TEST_TMP), and every process
# the tests start inherits that variable, so leftovers of this run, and only of this run, can be found and stopped.
RUN_TMP=$(mktemp -d "${TMPDIR:-/tmp}/newsingest-run.XXXXXX") || abort "mktemp failed"
chmod 755 "$RUN_TMP" # the postgres user must reach its cluster directory below it
cleaned=

processes_of_this_run() {
    local environ pid
    for environ in /proc/[0-9]*/environ; do
        pid=${environ#/proc/}
        pid=${pid%/environ}
        if { tr '\0' '\n' < "$environ"; } 2> /dev/null | grep -qxF "NEWSINGEST_TEST_TMP=$RUN_TMP"; then
            echo "$pid"
        fi
    done
}

is_running() { # a zombie only waits to be reaped
    [ -r "/proc/$1/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2> /dev/null
}

cleanup() {
    [ -n "$cleaned" ] && return
    cleaned=1
    local pid data pids=() left=() epmd_started=
    # PostgreSQL first, the way it likes to be stopped.
    for data in "$RUN_TMP"/newsingest-pg-*/data; do
        [ -f "$data/postmaster.pid" ] || continue
        warn "stopping leftover PostgreSQL cluster $data"
        runuser -u postgres -- pg_ctl -D "$data" -m immediate -w stop > /dev/null 2>&1 ||
            pg_ctl -D "$data" -m immediate -w stop > /dev/null 2>&1
    done
    for pid in $(processes_of_this_run); do
        if [ "$(cat "/proc/$pid/comm" 2> /dev/null)" = epmd ]; then
            epmd_started=1
        else
            pids+=("$pid")
        fi
    done
    if [ ${#pids[@]} -gt 0 ]; then
        warn "stopping ${#pids[@]} leftover test process(es):$(for pid in "${pids[@]}"; do printf ' %s(%s)' "$pid" "$(cat "/proc/$pid/comm" 2> /dev/null)"; done)"
        kill -TERM "${pids[@]}" 2> /dev/null
        for _ in $(seq 1 50); do
            left=()
            for pid in "${pids[@]}"; do is_running "$pid" && left+=("$pid"); done
            [ ${#left[@]} -eq 0 ] && break
            sleep 0.2
        done
        [ ${#left[@]} -gt 0 ] && kill -KILL "${left[@]}" 2> /dev/null
    fi
    # epmd (Erlang's port mapper) serves every node on the machine; "epmd -kill" refuses while one is registered.
    [ -n "$epmd_started" ] && epmd -kill > /dev/null 2>&1
    rm -rf "$RUN_TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$RESULTS_DIR"
find "$RESULTS_DIR" -maxdepth 1 -name '*.trx' -delete # only this run's results are counted
TEST_LOG="$RESULTS_DIR/dotnet-test.log"

# One project at a time: the unit projects, the integration tests, then the fault suite (it kills and restarts
# services, the broker and the database, and times how fast the pipeline drains), so no test's timing competes with
# another project's load on a small machine.
run_tests() { # run_tests PROJECT...: one dotnet test per project, in order; the last non-zero exit code
    local project rc=0
    for project in "$@"; do
        NEWSINGEST_TEST_TMP=$RUN_TMP TEST_RESULTS_DIR=$RESULTS_DIR dotnet test "$project" -c "$CONFIGURATION" --no-build \
            --logger trx --results-directory "$RESULTS_DIR" \
            --blame-hang-timeout 20m --blame-hang-dump-type none || rc=$?
    done
    return $rc
}
unit_projects=(tests/NewsIngest.Fetcher.Tests tests/NewsIngest.Parser.Tests tests/NewsIngest.Enricher.Tests tests/NewsIngest.Store.Tests tests/NewsIngest.Cli.Tests)
for project in $(grep -l 'Microsoft.NET.Test.Sdk' tests/*/*.csproj); do # a new test project must be run
    case " ${unit_projects[*]} tests/NewsIngest.IntegrationTests tests/NewsIngest.FaultTests " in
        *" $(dirname "$project") "*) ;;
        *) abort "test project $(dirname "$project") is not run by tests/run.sh: add it to unit_projects" ;;
    esac
done
step "dotnet test (TRX files in $RESULTS_DIR): ${unit_projects[*]}, tests/NewsIngest.IntegrationTests, tests/NewsIngest.FaultTests"
run_tests "${unit_projects[@]}" 2>&1 | tee "$RESULTS_DIR/unit.log"
unit_rc=${PIPESTATUS[0]}
run_tests tests/NewsIngest.IntegrationTests 2>&1 | tee "$RESULTS_DIR/integration.log"
integration_rc=${PIPESTATUS[0]}
run_tests tests/NewsIngest.FaultTests 2>&1 | tee "$RESULTS_DIR/faults.log"
faults_rc=${PIPESTATUS[0]}
cat "$RESULTS_DIR/unit.log" "$RESULTS_DIR/integration.log" "$RESULTS_DIR/faults.log" > "$TEST_LOG"
test_rc=0
for rc in $unit_rc $integration_rc $faults_rc; do [ "$rc" -ne 0 ] && test_rc=$rc; done
find "$RESULTS_DIR" -mindepth 1 -type d -empty -delete # the hang detector's per-run folders

cleanup

# ---------------------------------------------------------------------------------------------------------------
# Count outcomes from the TRX files: <Counters total=".." executed=".." passed=".." failed=".." error=".." timeout=".."
# aborted=".." .../> per test assembly. Failed includes errors, timeouts and aborts; skipped = total - executed (xunit's
# skips). A run that ended badly without a failed test (a crashed test process, a hang) counts as one failure, so the
# last line alone never reads as success when something went wrong.
counter() { # counter NAME COUNTERS-ELEMENT
    local value
    value=$(grep -o " $1=\"[0-9]*\"" <<< "$2" | head -n 1 | tr -dc '0-9')
    echo "${value:-0}"
}

passed=0 failed=0 skipped=0
problems=()
shopt -s nullglob
trx_files=("$RESULTS_DIR"/*.trx)
step "results"
for trx in "${trx_files[@]}"; do
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    outcome=$(grep -o '<ResultSummary outcome="[A-Za-z]*"' "$trx" | head -n 1 | sed 's/.*outcome="//; s/"$//')
    # The assembly: from a test's codeBase, or from the "No test is available in X.dll" notice of an empty project.
    assembly=$(grep -o -m 1 'codeBase="[^"]*"' "$trx" | head -n 1 | sed 's/^codeBase="//; s/"$//')
    [ -n "$assembly" ] || assembly=$(grep -o -m 1 'No test is available in [^ ]*\.dll' "$trx" | head -n 1 | sed 's/^No test is available in //')
    name=$(basename "${assembly:-$trx}" .dll)
    p=$(counter passed "$counters")
    f=$(($(counter failed "$counters") + $(counter error "$counters") + $(counter timeout "$counters") + $(counter aborted "$counters")))
    s=$(($(counter total "$counters") - $(counter executed "$counters")))
    if [ "$f" -eq 0 ] && [[ $outcome =~ ^(Failed|Error|Aborted|Timeout)$ ]]; then
        f=1
        problems+=("$name: test run ended '$outcome': $(grep -A1 '<RunInfo [^>]*outcome="Error"' "$trx" | grep -o '<Text>.*' | sed 's/<[^>]*>//g' | tail -n 1)")
    fi
    printf '  %-40s %4d passed, %d failed, %d skipped\n' "$name" "$p" "$f" "$s"
    passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
done

runs=$(grep -c '^Test run for ' "$TEST_LOG")
if [ "$runs" -gt ${#trx_files[@]} ]; then
    failed=$((failed + runs - ${#trx_files[@]}))
    problems+=("$runs test assemblies ran but only ${#trx_files[@]} TRX files were written")
fi
if [ "$test_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
    problems+=("dotnet test exited with $test_rc although no test failed")
fi

failed_tests=$(cat "${trx_files[@]}" /dev/null | grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' |
    grep -o 'testName="[^"]*"' | sed 's/^testName="//; s/"$//')
[ -n "$failed_tests" ] && printf '  failed tests:\n%s\n' "$(sed 's/^/    /' <<< "$failed_tests")"
[ ${#problems[@]} -gt 0 ] && printf '  counted as failed:\n%s\n  (full output: %s)\n' "$(printf '    %s\n' "${problems[@]}")" "$TEST_LOG"

status=0
[ "$failed" -gt 0 ] && status=1
if [ $((passed + failed)) -eq 0 ]; then
    warn "no test ran"
    status=1
fi

if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
exit $status
