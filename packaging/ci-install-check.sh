#!/usr/bin/env bash
# Installation check of the Linux package, as root on Debian/Ubuntu: builds the .deb (packaging/build.sh),
# installs it with apt, runs the installed app's --self-test under Xvfb (a window, a tiny run, a screenshot),
# runs a headless run into the user's default runs folder, checks the clear messages for an unwritable home or
# cache, reinstalls it (an upgrade keeps runs), uninstalls it and checks that the user's runs are still there.
#
#   packaging/ci-install-check.sh            (prints a summary; exit 0 when every check passed)
#
# Environment: LTH_DEB_COMPRESSION (default gzip here: much faster to build, about 5% larger than xz),
# LTH_MAX_DEB_MB (default 200), LTH_KEEP_INSTALLED=1 to skip the uninstall.
# Results (self-test report, screenshot, logs) go to packaging/target/install-check/.
set -euo pipefail

PKG="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$PKG")"
RESULTS="$PKG/target/install-check"
APP=/opt/lottery-ticket-lab
LAUNCHER="$APP/bin/lottery-ticket-lab"
MAX_MB="${LTH_MAX_DEB_MB:-200}"
T0=$SECONDS

PASS=()
FAIL=()
ok() { PASS+=("$1"); printf '   ok    %s\n' "$1"; }
bad() { FAIL+=("$1"); printf '   FAIL  %s\n' "$1"; }
say() { printf '== %s\n' "$*"; }
# runs a step and records its duration; returns the step's exit status
timed() {
  local s=$SECONDS rc=0
  "$@" || rc=$?
  TIMES+=("$(printf '%-34s %4d s' "${STEP}" $((SECONDS - s)))")
  return $rc
}
TIMES=()

[[ "$(id -u)" == 0 ]] || { echo "ci-install-check.sh: run as root (it installs a package)" >&2; exit 2; }
command -v apt-get >/dev/null || { echo "ci-install-check.sh: needs apt-get (Debian/Ubuntu)" >&2; exit 2; }

# ---- tools -----------------------------------------------------------------------------------------------
MISSING=()
command -v xvfb-run >/dev/null || MISSING+=(xvfb xauth)
command -v fakeroot >/dev/null || MISSING+=(fakeroot)
command -v objcopy >/dev/null || MISSING+=(binutils)
command -v runuser >/dev/null || MISSING+=(util-linux)
if [[ ${#MISSING[@]} -gt 0 ]]; then
  say "installing ${MISSING[*]}"
  STEP="apt-get install tools"
  timed bash -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${MISSING[*]} >/dev/null"
fi
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# ---- build -------------------------------------------------------------------------------------------------
say "build the .deb (packaging/build.sh)"
STEP="build .deb"
export LTH_DEB_COMPRESSION="${LTH_DEB_COMPRESSION:-gzip}"
if ! timed "$PKG/build.sh" --type deb > >(tee "$RESULTS/build.log") 2>&1; then
  echo "ci-install-check.sh: the build failed (see $RESULTS/build.log)" >&2
  exit 1
fi
DEB="$(ls -t "$PKG"/target/lottery-ticket-lab_*.deb | head -1)"
SIZE=$(stat -c %s "$DEB")
SIZE_TXT="$(awk -v b="$SIZE" 'BEGIN { printf "%.1f MB (%.1f MiB, %d bytes)", b / 1e6, b / 1048576, b }')"
if (( SIZE < MAX_MB * 1000000 )); then ok ".deb size $SIZE_TXT < $MAX_MB MB"; else bad ".deb size $SIZE_TXT >= $MAX_MB MB"; fi

# ---- install -----------------------------------------------------------------------------------------------
say "install $(basename "$DEB") with apt"
if dpkg -s lottery-ticket-lab >/dev/null 2>&1; then apt-get purge -y -qq lottery-ticket-lab >/dev/null; fi
STEP="apt-get install ./deb"
if ! timed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$DEB" > "$RESULTS/apt-install.log" 2>&1; then
  grep -v '^(Reading database' "$RESULTS/apt-install.log" | tail -15
  bad "apt-get install ./$(basename "$DEB") (log: $RESULTS/apt-install.log)"
fi
if [[ -x "$LAUNCHER" ]]; then ok "installed: $LAUNCHER"; else bad "no launcher at $LAUNCHER"; fi
DESKTOP="$(grep -l '^Name=Lottery Ticket Lab' /usr/share/applications/*.desktop 2>/dev/null | head -1 || true)"
if [[ -n "$DESKTOP" ]]; then ok "menu entry: $DESKTOP"; else bad "no desktop menu entry in /usr/share/applications"; fi
for f in lib/lottery-ticket-lab.png lib/app/legal/LICENSE lib/app/legal/THIRD-PARTY-NOTICES.md lib/app/lib/lth-sample-data-*.jar; do
  compgen -G "$APP/$f" >/dev/null && ok "installed $f" || bad "missing $APP/$f"
done
INSTALLED_STAMP="$(mktemp)"  # nothing under $APP may be newer than this once the app has run

# a fresh user home for the checks (the app writes only there)
USER_HOME="$(mktemp -d /tmp/lth-install-check-home.XXXXXX)"
RUNS="$USER_HOME/.local/share/lottery-ticket-lab/runs"
as_user() { env -u XDG_DATA_HOME -u XDG_CACHE_HOME -u LTH_RUNS_DIR -u LTH_CACHE_DIR HOME="$USER_HOME" "$@"; }

# ---- the window: --self-test under Xvfb ----------------------------------------------------------------------
say "installed app: --self-test under Xvfb"
STEP="--self-test (window, tiny run)"
set +e
timed as_user xvfb-run -a -s "-screen 0 1600x1000x24" "$LAUNCHER" --self-test > "$RESULTS/self-test.log" 2>&1
RC=$?
set -e
grep -v '^  | ' "$RESULTS/self-test.log" || true
REPORT="$(sed -n 's/^self-test report: //p' "$RESULTS/self-test.log" | tail -1)"
if [[ $RC == 0 ]]; then ok "--self-test exit 0"; else bad "--self-test exit $RC"; fi
if [[ -n "$REPORT" && -f "$REPORT" ]]; then
  cp "$REPORT" "$RESULTS/self-test-report.txt"
  SHOT="$(dirname "$REPORT")/window.png"
  [[ -f "$SHOT" ]] && cp "$SHOT" "$RESULTS/installed-window.png" && ok "screenshot of the installed app: $RESULTS/installed-window.png" \
    || bad "no screenshot"
else
  bad "no self-test report"
fi
if [[ -d "$USER_HOME/.cache/lottery-ticket-lab/javacpp" && ! -e "$USER_HOME/.javacpp" ]]; then
  ok "native cache in ~/.cache/lottery-ticket-lab/javacpp ($(du -sh "$USER_HOME/.cache/lottery-ticket-lab/javacpp" | cut -f1)), none in ~/.javacpp"
else
  bad "native cache not in ~/.cache/lottery-ticket-lab/javacpp"
fi

# ---- headless run into the default runs folder -------------------------------------------------------------------
say "installed app: headless run into the user's runs folder"
STEP="imp run (headless)"
set +e
timed as_user "$LAUNCHER" imp --preset quick --rounds 1 --iterations 20 --branches ticket > "$RESULTS/imp.log" 2>&1
RC=$?
set -e
RUN_DIR="$(ls -d "$RUNS"/quick-* 2>/dev/null | head -1 || true)"
if [[ $RC == 0 && -n "$RUN_DIR" && -f "$RUN_DIR/summary.csv" ]]; then ok "run stored in $RUN_DIR"; else tail -5 "$RESULTS/imp.log"; bad "imp exit $RC, no run under $RUNS"; fi

WRITTEN="$(find "$APP" -newer "$INSTALLED_STAMP" -print -quit)"
if [[ -z "$WRITTEN" ]]; then ok "the app wrote nothing inside $APP"; else bad "the app wrote inside its install tree: $WRITTEN"; fi
rm -f "$INSTALLED_STAMP"

# ---- unwritable home / cache: a clear message and exit 3 -------------------------------------------------------------
say "installed app: no writable home, unwritable cache"
set +e
MSG="$(env -u XDG_CACHE_HOME -u XDG_DATA_HOME HOME=/nonexistent runuser -u nobody -- "$LAUNCHER" info 2>&1)"; RC=$?
set -e
echo "$MSG" > "$RESULTS/no-home.txt"
if [[ $RC == 3 && "$MSG" == *"cannot start"*"LTH_CACHE_DIR"* && "$MSG" != *Exception* ]]; then ok "no writable home: exit 3 with a message"; else echo "$MSG"; bad "no writable home: exit $RC"; fi
set +e
MSG="$(as_user env LTH_CACHE_DIR=/proc/lth-cache "$LAUNCHER" info 2>&1)"; RC=$?
set -e
echo "$MSG" > "$RESULTS/no-cache.txt"
if [[ $RC == 3 && "$MSG" == *"/proc/lth-cache"* && "$MSG" != *Exception* ]]; then ok "unwritable cache: exit 3 with a message"; else echo "$MSG"; bad "unwritable cache: exit $RC"; fi
head -c 400 "$RESULTS/no-home.txt"; echo

# ---- reinstall over the installed version: runs stay --------------------------------------------------------------
say "reinstall over the installed package"
STEP="apt-get install --reinstall"
timed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall "$DEB" > "$RESULTS/apt-reinstall.log" 2>&1 \
  || bad "apt-get install --reinstall (log: $RESULTS/apt-reinstall.log)"
if [[ -n "$RUN_DIR" && -f "$RUN_DIR/summary.csv" ]]; then ok "runs kept over a reinstall"; else bad "runs lost over a reinstall"; fi

# ---- uninstall: runs stay --------------------------------------------------------------------------------------------
if [[ "${LTH_KEEP_INSTALLED:-0}" != 1 ]]; then
  say "uninstall"
  STEP="apt-get remove"
  timed env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq lottery-ticket-lab > "$RESULTS/apt-remove.log" 2>&1 \
    || bad "apt-get remove (log: $RESULTS/apt-remove.log)"
  STATUS="$(dpkg -s lottery-ticket-lab 2>/dev/null | sed -n 's/^Status: //p' || true)"
  if [[ ! -e "$LAUNCHER" && "$STATUS" != "install ok installed" ]]; then
    ok "uninstalled: $APP removed (dpkg status: ${STATUS:-none})"
  else
    bad "not uninstalled: $LAUNCHER (dpkg status: ${STATUS:-none})"
  fi
  if [[ -z "$(grep -l '^Name=Lottery Ticket Lab' /usr/share/applications/*.desktop 2>/dev/null || true)" ]]; then ok "menu entry removed"; else bad "menu entry left behind"; fi
  if [[ -n "$RUN_DIR" && -f "$RUN_DIR/summary.csv" ]]; then ok "runs still there after uninstall: $RUNS"; else bad "runs gone after uninstall"; fi
fi

# ---- summary ----------------------------------------------------------------------------------------------------------
echo
say "summary"
echo "   package:  $DEB"
echo "   size:     $SIZE_TXT"
[[ -f "$RESULTS/self-test-report.txt" ]] && sed 's/^/   | /' "$RESULTS/self-test-report.txt"
for t in "${TIMES[@]}"; do echo "   time: $t"; done
echo "   total:    $((SECONDS - T0)) s"
echo "   results:  $RESULTS"
echo "   passed:   ${#PASS[@]}   failed: ${#FAIL[@]}"
for f in ${FAIL[@]+"${FAIL[@]}"}; do echo "   FAILED: $f"; done
rm -rf "$USER_HOME"
[[ ${#FAIL[@]} == 0 ]]
