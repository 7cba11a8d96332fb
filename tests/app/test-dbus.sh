#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Drives the real application over D-Bus as a script would (gapplication action), through a
# whole story, then checks the files it wrote: the exported CSV must equal what glucotwin-cli
# computes from the saved scenario. Then the crash case: an edit, kill -9, and the autosave
# must be a whole, valid scenario. Run inside xvfb-run-test (a private X server and session bus).
# Usage: test-dbus.sh GLUCOTWIN GLUCOTWIN-CLI
set -euo pipefail
app=$1
cli=$2
app_id=io.github.glucotwin.Glucotwin
work=$(mktemp -d)
pid=
cleanup() {
    if [[ -n $pid ]]; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
export XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
fail() { echo "not ok $((n + 1)) - $*"; echo "# app log:"; sed 's/^/#   /' "$work/app.log"; exit 1; }

on_bus() {
    gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
        --method org.freedesktop.DBus.NameHasOwner "$app_id" 2>/dev/null | grep -q true
}

start_app() {
    "$app" "$@" >>"$work/app.log" 2>&1 &
    pid=$!
    for _ in $(seq 200); do on_bus && return 0; sleep 0.1; done
    fail "the application did not appear on the session bus"
}

action() { gapplication action "$app_id" "$@"; }

# The window's own actions, and their state (org.gtk.Actions on the window's path).
window_path=/io/github/glucotwin/Glucotwin/window/1
window_action() {
    gdbus call --session --dest "$app_id" --object-path "$window_path" \
        --method org.gtk.Actions.Activate "$1" "$2" '{}' >/dev/null
}
window_state() {
    gdbus call --session --dest "$app_id" --object-path "$window_path" \
        --method org.gtk.Actions.Describe "$1"
}

# Waits for a file to appear (exports are written once the run has finished).
wait_for() {
    for _ in $(seq 600); do [[ -s $1 ]] && return 0; sleep 0.1; done
    fail "$1 was not written"
}

echo "1..11"
start_app
ok "the application is on the session bus"

# Presentation mode through the contract's action, and playback in it; one state throughout.
action presentation true
window_state toggle-presentation | grep -q '<true>' || fail "presentation mode did not start"
window_action play '[]'
window_state play | grep -q '<true>' || fail "playback did not start"
window_action playback-speed "[<'2-years'>]"
window_state playback-speed | grep -q "<'2-years'>" || fail "the playback speed did not change"
window_action playback-stop '[]'
window_state play | grep -q '<false>' || fail "playback did not stop"
action presentation false
window_state toggle-presentation | grep -q '<false>' || fail "presentation mode did not end"
ok "presentation mode and playback over D-Bus"

action load-preset "'compensated-ir'"
action add-intervention "'{\"type\": \"berberine\", \"start_day\": 365, \"end_day\": 1460}'"
action add-intervention "'{\"type\": \"exercise\", \"start_day\": 730, \"kind\": \"combined\"}'"
# Bad parameters: reported, nothing changes, the application stays.
action load-preset "'no-such-preset'"
action add-intervention "'{\"type\": \"berberine\", \"start_day\": \"soon\"}'"
action add-intervention "'{\"type\": \"omega3\", \"start_day\": 3, \"start_day\": 4}'"
# nested deeply enough to overflow the JSON parser's stack, had the depth not been counted first
action add-intervention "'$(printf '%*s' 100000 '' | tr ' ' '[')'"
action set-view "'fortnight'"
action set-view "'decade'"
action export-plot "'$work/decade.png'"
action set-view "'day:1800'"
action export-plot "'$work/day.svg'"
action export-csv "'$work/run.csv'"
action save "'$work/story.glucotwin.json'"
# At once, as a script would: the exports wait for the run, and the quit waits for them.
action quit
for _ in $(seq 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "quit did not end the saved session"
wait "$pid" || fail "the application exited with an error"
pid=
for f in decade.png day.svg run.csv story.glucotwin.json; do
    [[ -s $work/$f ]] || fail "$f was not written before the application quit"
done
ok "the story's files were written, then the application quit"

grep -q "unknown preset 'no-such-preset'" "$work/app.log" || fail "no message for the unknown preset"
grep -q "intervention.start_day" "$work/app.log" || fail "no message naming the bad field"
grep -q "Unknown view" "$work/app.log" || fail "no message for the bad view"
grep -q "levels deep" "$work/app.log" || fail "no message for the deeply nested intervention"
grep -q "start_day: the key appears twice" "$work/app.log" || fail "no message for the repeated key"
ok "bad parameters were reported on standard error"

"$cli" validate "$work/story.glucotwin.json" || fail "the saved scenario is not valid"
[[ $(grep -c '"type"' "$work/story.glucotwin.json") == 2 ]] || fail "the saved scenario lacks its two interventions"
ok "the saved scenario holds the story"

"$cli" run "$work/story.glucotwin.json" --csv >"$work/cli.csv"
cmp -s "$work/run.csv" "$work/cli.csv" || { diff "$work/run.csv" "$work/cli.csv" | head -5; fail "the exported CSV differs from glucotwin-cli run"; }
ok "the exported CSV equals glucotwin-cli run of the saved scenario"

[[ $(head -c 8 "$work/decade.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] || fail "decade.png is not a PNG"
grep -q "<svg" "$work/day.svg" || fail "day.svg is not SVG"
ok "the figures are a PNG and an SVG"

[[ ! -e $XDG_STATE_HOME/glucotwin/autosave.glucotwin.json ]] || fail "a clean quit left an autosave"
ok "a saved session leaves no autosave"

# Crash safety: an edit, a moment for the autosave, kill -9.
start_app
action add-intervention "'{\"type\": \"omega3\", \"start_day\": 42}'"
autosave=$XDG_STATE_HOME/glucotwin/autosave.glucotwin.json
wait_for "$autosave"
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
pid=
ok "the application was killed after an edit"

"$cli" validate "$autosave" || fail "the autosave is not a valid scenario"
grep -q '"omega3"' "$autosave" || fail "the autosave lacks the edit"
ok "the autosave survived kill -9 whole"

# The next start offers it back (a dialog; test-autosave checks the answer), and a script can
# still drive the instance.
start_app
action quit
ok "the next start comes up with the autosave present"
