#!/usr/bin/env bash
# The browser test (run by .ci/run): build the web version, serve it on 127.0.0.1, open it in
# headless Chromium and check that
#   (a) the page draws the default scenario: a screenshot that is not blank, and the summary
#       sentence the desktop program gives for it, in the page's status text, and the same run
#       to the bit (its fingerprint, `lactosim run --fingerprint`: every number of the run);
#   (b) a link to a shipped preset (made by the desktop program: `lactosim link`) opens that
#       preset, with the desktop's summary and run;
#   (c) a damaged link shows its problem, in plain words;
#   (d) no error reaches the browser's console, in any of these;
#   (e) a year-long run (a slice of it between frames) ends with the desktop's summary and run;
#   (f) a phone opening a parent's link (?as=parent, 390 points wide, touch) is drawn.
# It reports (does not check) how soon the first picture came and the longest frame.
# Usage: web/check.sh [DIST]   (DIST: an already built folder; else web/build.sh builds one)
# Needs chromium (Debian's package; .ci/run installs it) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

dist=${1:-}
if [ -z "$dist" ]; then
  dist=$work/dist
  web/build.sh "$dist"
fi
# The desktop program, as built now (cargo builds it if it is stale).
if [ -z "${LACTOSIM:-}" ]; then
  cargo build --locked --quiet --bin lactosim
  lactosim=target/debug/lactosim
else
  lactosim=$LACTOSIM
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 -d "$dist" >"$work/server.log" 2>&1 &
server=$!
base="http://127.0.0.1:$port/"
# Pages asked for their run's fingerprint (?fingerprint: each run's every number, hashed).
checked="${base}?fingerprint"
up=no
for _ in $(seq 100); do
  python3 -c "import urllib.request; urllib.request.urlopen('$base')" 2>/dev/null && { up=yes; break; }
  sleep 0.1
done
[ $up = yes ] || { echo "FAIL: the page's server did not start:"; cat "$work/server.log"; exit 1; }

# Open `url` in headless Chromium (web/browser.py: in real time, through the DevTools protocol)
# and wait for it to settle; leaves what it showed in $work/$name.{status,timing,errors,png}.
open_page() {
  local name=$1 url=$2; shift 2
  python3 web/browser.py "$url" "$work/$name" "$@"
}

# The text of the page's status (what the window shows), and the errors the console saw.
status_of() { cat "$work/$1.status"; }
errors_of() { cat "$work/$1.errors"; }

# What the desktop program says of a preset (or of the default): its name (the table's title)
# and its summary (the first line after the table).
# Never empty (an empty expectation would match anything).
desktop() {
  "$lactosim" run ${2:+"$2"} >"$work/desktop.txt"
  local said
  case $1 in
    name) said=$(sed -n '1s/^# //p' "$work/desktop.txt") ;;
    summary) said=$(awk 'seen && NF { print; exit } /^$/ { seen = 1 }' "$work/desktop.txt") ;;
  esac
  [ -n "$said" ] || { echo "FAIL: the desktop program gave no $1 for ${2:-the default}" >&2; exit 1; }
  echo "$said"
}

failed=0
fail() { echo "FAIL: $*"; failed=1; }
expect() { # expect NAME WHAT TEXT: the page's status holds TEXT
  if status_of "$1" | grep -F -- "$3" >/dev/null; then echo "ok: $1: $2"; else
    fail "$1: $2: no \"$3\" in the page's status:"; status_of "$1" | sed 's/^/    /'; fi
}
same_summary() { # same_summary NAME SENTENCE: the page's summary says SENTENCE (page_text.py same)
  local shown; shown=$(status_of "$1" | sed -n 's/^Summary: //p')
  if python3 web/page_text.py same "$2" "$shown"; then echo "ok: $1: the desktop's summary: $shown"
  else fail "$1: the summary \"$shown\" is not the desktop's \"$2\""; fi
}
same_run() { # same_run NAME [PRESET]: the page's run is the desktop's, to the bit
  local desktop_said shown
  desktop_said=$("$lactosim" run --fingerprint --quiet ${2:+"$2"} | sed -n 's/^fingerprint: //p')
  shown=$(status_of "$1" | sed -n 's/^Fingerprint: //p')
  if [ -n "$desktop_said" ] && [ "$shown" = "$desktop_said" ]; then
    echo "ok: $1: the desktop's run, to the bit (fingerprint $shown)"
  else fail "$1: the page's run (fingerprint \"$shown\") is not the desktop's (\"$desktop_said\")"; fi
}
no_errors() {
  if [ -n "$(errors_of "$1")" ]; then fail "$1: errors in the console:"; errors_of "$1" | sed 's/^/    /'
  else echo "ok: $1: no errors in the console"; fi
}

# (a) The default scenario (a fresh profile: nothing kept from before).
open_page default "$checked&as=clinician"
python3 web/page_text.py picture "$work/default.png" && echo "ok: default: the page is drawn" ||
  fail "default: the screenshot is blank"
expect default "the default scenario" "Scenario: $(desktop name)"
same_summary default "$(desktop summary)"
same_run default
no_errors default

# (b) A link to Night feeds dropped, made by the desktop program.
preset=presets/night-feeds-dropped.ron
link=$("$lactosim" link "$preset" --base "$checked")
open_page link "$link"
expect link "the shared preset" "Scenario: $(desktop name "$preset")"
same_summary link "$(desktop summary "$preset")"
same_run link "$preset"
no_errors link

# (c) The same link with a piece cut out of its middle.
damaged="${link:0:$((${#link} / 2))}${link:$((${#link} / 2 + 40))}"
open_page damaged "$damaged"
expect damaged "a damaged link's problem" "Problem: the link: it is damaged"
no_errors damaged

# (f) As a phone opens a parent's link: drawn, nothing wrong (its picture is kept for a look).
open_page phone "${checked}&as=parent${link#"$checked"}" --phone
python3 web/page_text.py picture "$work/phone.png" && echo "ok: phone: the page is drawn" ||
  fail "phone: the screenshot is blank"
expect phone "the shared preset on a phone" "Scenario: $(desktop name "$preset")"
no_errors phone
[ -z "${KEEP_PICTURES:-}" ] || cp "$work"/*.png "$KEEP_PICTURES"/

# (e) A year: run in slices between frames, with the desktop's summary at the end.
sed 's/^    horizon_days: .*/    horizon_days: 365,/' presets/healthy-on-demand.ron >"$work/year.ron"
grep -q '^    horizon_days: 365,$' "$work/year.ron" || { echo "FAIL: no year-long preset made"; exit 1; }
open_page year "$("$lactosim" link "$work/year.ron" --base "$checked")"
same_summary year "$(desktop summary "$work/year.ron")"
same_run year "$work/year.ron"
no_errors year
# Reported, not checked (a test never times): how soon the first picture came, and the longest
# frame (its slice of the year's run, and the drawing) in the browser's own measure. The pages
# asked for fingerprints: the year's frame that shows its run also hashes its every number.
for name in default year phone; do
  echo "$name: $(tr '\n' ';' <"$work/$name.timing")"
done

[ $failed = 0 ] && echo "the browser test passed" || { echo "the browser test failed"; exit 1; }
