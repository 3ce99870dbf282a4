#!/usr/bin/env bash
# Runs logru's comparative benchmarks with -count and benchstat, then the flood (a whole
# program writing FLOOD_N lines to a file, per library, timed with /usr/bin/time -v).
# Everything goes to benchmarks/results/:
#
#   machine.txt             the machine, Go version and commit the results come from
#   bench.txt               raw `go test -bench` output
#   discard-1.txt …         benchstat tables, one per destination and parallelism
#   tables.txt              the four tables above, one after the other
#   flood-runs.txt          every flood run, one line each
#   flood.txt               the flood table (medians) and the issue's targets
#
# Knobs (environment):
#   COUNT=6            -count of go test (benchstat wants ≥ 6 for confidence intervals)
#   BENCHTIME=200ms    -benchtime of go test
#   BENCH=.            -bench regexp, e.g. 'StaticMessage|TenFields'
#   SKIP_BENCH=        non-empty: skip the go test benchmarks
#   FLOOD_N=1000000    lines per flood run
#   FLOOD_RUNS=3       runs per flood case (the table shows the median)
#   FLOOD_LIBS="logru logru+any logru-rotate logru-text logru-nocaller zerolog zap phuslu slog logrus"
#                      flood cases; NAME+any runs logru's ...any API
#   FLOOD_BUFFER=262144 bytes every library holds before a write (logru: Handler.Buffering;
#                      the others: a bufio.Writer around the *os.File); 0: a write per line
#   FLOOD_PROFILE=     a directory: each flood run also writes a CPU profile there
#                      (CASE.RUN.prof; go tool pprof -top results/flood PROFILE)
#   FLOOD_ROTATION="100 MB"       logru-rotate's Rotation ("1 MB" makes small runs rotate)
#   FLOOD_DIR=results/flood-tmp   where flood files are written (and removed)
#   SKIP_FLOOD=        non-empty: skip the flood
#
# Quick check: COUNT=1 BENCHTIME=1x BENCH=StaticMessage FLOOD_N=20000 bash run.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

COUNT=${COUNT:-6}
BENCHTIME=${BENCHTIME:-200ms}
BENCH=${BENCH:-.}
SKIP_BENCH=${SKIP_BENCH:-}
FLOOD_N=${FLOOD_N:-1000000}
FLOOD_RUNS=${FLOOD_RUNS:-3}
FLOOD_LIBS=${FLOOD_LIBS:-logru logru+any logru-rotate logru-text logru-nocaller zerolog zap phuslu slog logrus}
FLOOD_BUFFER=${FLOOD_BUFFER:-262144}
FLOOD_PROFILE=${FLOOD_PROFILE:-}
FLOOD_ROTATION=${FLOOD_ROTATION:-100 MB}
FLOOD_DIR=${FLOOD_DIR:-results/flood-tmp}
SKIP_FLOOD=${SKIP_FLOOD:-}

mkdir -p results

# --- the machine -------------------------------------------------------------------
{
	echo "date:       $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
	echo "uname:      $(uname -a)"
	echo "go:         $(go version)"
	echo "cpu:        $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/^model name[[:space:]]*:[[:space:]]*//' || echo unknown)"
	echo "nproc:      $(nproc)"
	echo "memory:     $(awk '/^MemTotal/ {printf "%.1f GiB\n", $2/1048576}' /proc/meminfo 2>/dev/null || echo unknown)"
	echo "GOMAXPROCS: ${GOMAXPROCS:-default}"
	if commit=$(git -C .. rev-parse --short HEAD 2>/dev/null); then
		if [ -n "$(git -C .. status --porcelain 2>/dev/null)" ]; then
			commit="$commit (with uncommitted changes)"
		fi
		echo "commit:     $commit"
	fi
	echo "settings:   COUNT=$COUNT BENCHTIME=$BENCHTIME BENCH=$BENCH FLOOD_N=$FLOOD_N FLOOD_RUNS=$FLOOD_RUNS FLOOD_ROTATION=$FLOOD_ROTATION FLOOD_BUFFER=$FLOOD_BUFFER"
} >results/machine.txt
cat results/machine.txt

# --- go test -bench and benchstat ----------------------------------------------------
if [ -z "$SKIP_BENCH" ]; then
	benchstat=$(command -v benchstat || true)
	if [ -z "$benchstat" ]; then
		gobin=$(go env GOBIN)
		[ -n "$gobin" ] || gobin="$(go env GOPATH | cut -d: -f1)/bin"
		if [ ! -x "$gobin/benchstat" ]; then
			echo "installing benchstat into $gobin"
			go install golang.org/x/perf/cmd/benchstat@latest
		fi
		benchstat=$gobin/benchstat
	fi

	go test -run '^$' -bench "$BENCH" -benchtime "$BENCHTIME" -count "$COUNT" . | tee results/bench.txt

	: >results/tables.txt
	for out in discard file; do
		for par in 1 N; do
			"$benchstat" -filter "/out:$out /par:$par" -col /lib -row .name results/bench.txt >"results/$out-$par.txt"
			{
				echo "## out=$out par=$par"
				echo
				cat "results/$out-$par.txt"
				echo
			} >>results/tables.txt
		done
	done
	cat results/tables.txt
fi

# --- the flood -----------------------------------------------------------------------
[ -n "$SKIP_FLOOD" ] && exit 0

timer=/usr/bin/time
if [ ! -x "$timer" ] && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
	echo "installing GNU time (apt-get install time)"
	apt-get update -qq && apt-get install -y -qq time >/dev/null || true
fi
if [ ! -x "$timer" ]; then
	echo "note: /usr/bin/time is missing: wall times come from bash's time and peak memory is not measured" >&2
	timer=
fi

go build -o results/flood ./flood

# seconds turns GNU time's "h:mm:ss" or "m:ss.ss" into seconds.
seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.3f\n", s }' <<<"$1"; }

# field prints the value of NAME=value in a line of flood's output.
field() { tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p"; }

# median reads numbers, one a line, and prints their median ("-" when there are none).
median() {
	sort -g | awk '{ v[NR] = $1 } END {
		if (NR == 0) { print "-"; exit }
		if (NR % 2) { print v[(NR + 1) / 2]; exit }
		m = (v[NR / 2] + v[NR / 2 + 1]) / 2
		if (m == int(m)) printf "%d\n", m; else printf "%.3f\n", m }'
}

runs=results/flood-runs.txt
echo "# case run wall_s prog_wall_s user_s sys_s maxrss_kb files bytes" >"$runs"
trap 'rm -rf "$FLOOD_DIR"' EXIT
# An untimed warm-up, so that the first timed run does not pay for loading the binary.
mkdir -p "$FLOOD_DIR/warm-up"
results/flood -lib zerolog -n 1000 -dir "$FLOOD_DIR/warm-up" >/dev/null
rm -rf "$FLOOD_DIR/warm-up"
for run in $(seq 1 "$FLOOD_RUNS"); do
	# Runs are interleaved (every case once, then again) so that drift in the machine's
	# load spreads over all cases.
	for c in $FLOOD_LIBS; do
		lib=${c%+any}
		args=(-lib "$lib" -n "$FLOOD_N" -rotation "$FLOOD_ROTATION" -buffer "$FLOOD_BUFFER")
		[ "$lib" != "$c" ] && args+=(-any)
		prof=()
		if [ -n "$FLOOD_PROFILE" ]; then
			mkdir -p "$FLOOD_PROFILE"
			prof=(-cpuprofile "$FLOOD_PROFILE/$c.$run.prof")
		fi
		dir=$FLOOD_DIR/$c
		rm -rf "$dir"
		mkdir -p "$dir"
		sync
		tf=$(mktemp)
		if [ -n "$timer" ]; then
			line=$("$timer" -v -o "$tf" results/flood "${args[@]}" "${prof[@]}" -dir "$dir" -verify=false)
			wall=$(seconds "$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$tf")")
			user=$(sed -n 's/.*User time (seconds): //p' "$tf")
			sys=$(sed -n 's/.*System time (seconds): //p' "$tf")
			rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tf")
		else
			line=$( { TIMEFORMAT='%R %U %S'; time results/flood "${args[@]}" "${prof[@]}" -dir "$dir" -verify=false 2>&1; } 2>"$tf")
			read -r wall user sys <"$tf"
			rss=-
		fi
		rm -f "$tf"
		# Count the lines in a separate process, so that the time above is the writing only.
		results/flood "${args[@]}" -dir "$dir" -count-only >/dev/null
		rm -rf "$dir"
		pwall=$(field wall "$line")
		echo "$c $run $wall ${pwall%s} $user $sys $rss $(field files "$line") $(field bytes "$line")" | tee -a "$runs"
	done
done

# The table: the median of each column over the runs of each case, then the targets.
col() { awk -v c="$1" -v k="$2" '$1 == c { print $k }' "$runs" | median; }
{
	echo "# flood: $FLOOD_N lines with 5 fields to a file, median of $FLOOD_RUNS runs, buffer $FLOOD_BUFFER bytes"
	echo "# wall: the process (${timer:-bash time}); in-program: logger creation to Close (rotation and compression done)"
	printf '%-14s %9s %12s %8s %8s %12s %6s %12s\n' case wall_s in-program_s user_s sys_s max_rss_MiB files bytes
	for c in $FLOOD_LIBS; do
		rss=$(col "$c" 7)
		[ "$rss" = - ] || rss=$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')
		printf '%-14s %9s %12s %8s %8s %12s %6s %12s\n' "$c" "$(col "$c" 3)" "$(col "$c" 4)" \
			"$(col "$c" 5)" "$(col "$c" 6)" "$rss" "$(col "$c" 8)" "$(col "$c" 9)"
	done
	echo
	ratio() { # ratio A B TARGET: A's median times over B's
		local a b pa pb
		a=$(col "$1" 3) b=$(col "$2" 3) pa=$(col "$1" 4) pb=$(col "$2" 4)
		if [ "$a" != - ] && [ "$b" != - ]; then
			awk -v a="$a" -v b="$b" -v pa="$pa" -v pb="$pb" -v n1="$1" -v n2="$2" -v t="$3" \
				'BEGIN { printf "%s / %s: wall %.2f×, in-program %.2f× (target ≤ %s×)\n", n1, n2, a / b, pa / pb, t }'
		fi
	}
	ratio logru zerolog 1.3
	ratio logru+any zerolog 1.3
	ratio logru-nocaller zerolog 1.0
	ratio logru-rotate logru 1.10
} >results/flood.txt
cat results/flood.txt
