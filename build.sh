#!/usr/bin/env sh
# Bootstrap for machines with only the .NET SDK: restores PowerShell as a local tool, then runs build.ps1.
#   ./build.sh test | build | demo | bench | package
set -eu
cd "$(dirname "$0")"

case "${1:-build}" in
    test) task=Test ;;
    build) task=Build ;;
    demo) task=Demo ;;
    bench) task=Bench ;;
    package) task=Package ;;
    *) echo "usage: ./build.sh test|build|demo|bench|package" >&2; exit 2 ;;
esac

# The RSA interop tests compare against the openssl command line.
if [ "$task" = Test ] && ! command -v openssl >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq && apt-get install -y -qq openssl >/dev/null
    else
        echo "openssl is required for the tests; install it with your package manager." >&2
        exit 1
    fi
fi

# pwsh would otherwise phone home (telemetry, update check) on every start: no network beyond loopback,
# and no background work skewing timings.
export POWERSHELL_TELEMETRY_OPTOUT=1 POWERSHELL_UPDATECHECK=Off DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet tool restore >/dev/null
NO_COLOR=1 exec dotnet pwsh -NoLogo -NoProfile -NonInteractive -File ./build.ps1 -Task "$task"
