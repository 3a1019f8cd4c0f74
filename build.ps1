#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests and demonstrates PayoutPS.
.DESCRIPTION
    Build  stages an importable module in out/PayoutPS (manifest, format file, bin/net472, bin/net8.0).
    Test   packages (below), runs every xUnit project and every Pester file, and ends with "N passed, N failed".
    Demo   builds, starts the sandbox on a free port and pays the sample CSV (examples/demo.ps1).
    Bench  runs the benchmarks under bench/ and prints their results.
    Package builds, then writes out/packages/PayoutPS.<version>.nupkg (PSResourceGet's Compress-PSResource: both
           editions, help, formats, about topic, LICENSE) and out/tools/PayoutPS.Sandbox.<version>.nupkg (the
           sandbox as a .NET tool). The version is ModuleVersion in PayoutPS.psd1.
.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$env:NO_COLOR = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:POWERSHELL_TELEMETRY_OPTOUT = '1'   # child pwsh processes (tests, help, bench) stay off the network
$env:POWERSHELL_UPDATECHECK = 'Off'

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'PayoutPS'
$PackagesOut = Join-Path $Out 'packages'   # the PowerShell feed's packages: the module only
$ToolsOut = Join-Path $Out 'tools'         # the sandbox's .NET tool package: a PowerShell feed that holds it fails Find-PSResource *
$TargetFrameworks = 'net472', 'net8.0'

function Invoke-Native {
    param([string] $Command, [string[]] $Arguments)
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) { throw "'$Command $($Arguments -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Get-ModuleVersion {
    $manifest = Get-Content -Raw (Join-Path $Root 'PayoutPS.psd1')
    if ($manifest -notmatch "ModuleVersion\s*=\s*'([^']+)'") { throw 'PayoutPS.psd1 has no ModuleVersion.' }
    $Matches[1]
}

function Invoke-Build {
    $version = Get-ModuleVersion
    Write-Host "Building PayoutPS $version ($Configuration)"
    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }

    foreach ($framework in $TargetFrameworks) {
        Invoke-Native dotnet @('publish', (Join-Path $Root 'src/PayoutPS/PayoutPS.csproj'), '--nologo', '-v', 'quiet',
            '-c', $Configuration, '-f', $framework, "-p:Version=$version", '-o', (Join-Path $ModuleOut "bin/$framework"))
    }

    Copy-StagedManifest $version
    Copy-Item (Join-Path $Root 'src/PayoutPS/PayoutPS.format.ps1xml'), (Join-Path $Root 'src/PayoutPS/PayoutPS.types.ps1xml'), (Join-Path $Root 'LICENSE'), (Join-Path $Root 'CHANGELOG.md') $ModuleOut
    # Help is generated in a fresh pwsh so the module loads there, not in this build process.
    Invoke-Native dotnet @((Join-Path $PSHOME 'pwsh.dll'), '-NoLogo', '-NoProfile', '-NonInteractive', '-File', (Join-Path $Root 'src/PayoutPS/Help/ConvertTo-MamlHelp.ps1'),
        '-ModulePath', (Join-Path $ModuleOut 'PayoutPS.psd1'), '-OutputPath', (Join-Path $ModuleOut 'en-US/PayoutPS.dll-Help.xml'))
    Copy-Item (Join-Path $Root 'src/PayoutPS/Help/about_PayoutPS.help.txt') (Join-Path $ModuleOut 'en-US')
    Invoke-Native dotnet @('build', (Join-Path $Root 'PayoutPS.sln'), '--nologo', '-v', 'quiet', '-c', $Configuration, "-p:Version=$version")
    Write-Host "Module staged in $ModuleOut"
}

# The staged manifest is the repository's with ReleaseNotes taken from the CHANGELOG section of this version,
# which is what a gallery shows under "Release notes".
function Copy-StagedManifest([string] $Version) {
    $changelog = Get-Content -Raw (Join-Path $Root 'CHANGELOG.md')
    $section = [regex]::Match($changelog, "(?ms)^## $([regex]::Escape($Version))\b[^\n]*\n(.*?)(?=^## |\z)")
    if (-not $section.Success) { throw "CHANGELOG.md has no '## $Version' section for ModuleVersion $Version." }
    $notes = $section.Groups[1].Value.Trim() -replace "'", "''"
    $manifest = Get-Content -Raw (Join-Path $Root 'PayoutPS.psd1')
    $staged = $manifest -replace "ReleaseNotes = 'See CHANGELOG.md.'", { "ReleaseNotes = '$notes'" }
    if ($staged -eq $manifest) { throw "PayoutPS.psd1 has no ReleaseNotes = 'See CHANGELOG.md.' line to fill in." }
    Set-Content -Path (Join-Path $ModuleOut 'PayoutPS.psd1') -Value $staged -NoNewline -Encoding utf8
}

function Invoke-Package {
    Invoke-Build
    $version = Get-ModuleVersion
    foreach ($folder in $PackagesOut, $ToolsOut) {
        if (Test-Path $folder) { Remove-Item $folder -Recurse -Force }
        $null = New-Item -ItemType Directory $folder
    }

    # PowerShell 7.6's own PSResourceGet: the package Install-PSResource and Install-Module read.
    Import-Module Microsoft.PowerShell.PSResourceGet
    Compress-PSResource -Path $ModuleOut -DestinationPath $PackagesOut
    Invoke-Native dotnet @('pack', (Join-Path $Root 'src/PayoutPS.Sandbox/PayoutPS.Sandbox.csproj'), '--nologo', '-v', 'quiet',
        '-c', $Configuration, "-p:Version=$version", '-o', $ToolsOut)
    Get-ChildItem $PackagesOut, $ToolsOut -Filter *.nupkg | ForEach-Object { Write-Host "Packaged $($_.FullName)" }
}

function Invoke-XunitTests {
    $results = Join-Path $Out 'test-results'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    $counts = @{ Passed = 0; Failed = 0; Skipped = 0 }

    foreach ($project in Get-ChildItem (Join-Path $Root 'tests') -Filter *.Tests.csproj -Recurse) {
        $trx = "$($project.BaseName).trx"
        & dotnet test $project.FullName --nologo --no-build -c $Configuration --logger "trx;LogFileName=$trx" --results-directory $results | Out-Host
        $file = Join-Path $results $trx
        if (-not (Test-Path $file)) {
            Write-Warning "$($project.BaseName) produced no results; counted as one failure."
            $counts.Failed++
            continue
        }

        $counters = ([xml](Get-Content -Raw $file)).TestRun.ResultSummary.Counters
        $counts.Passed += [int]$counters.passed
        $counts.Failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        $counts.Skipped += [int]$counters.notExecuted
    }

    $counts
}

function Get-PesterModulePath {
    $project = Join-Path $Root 'tests/pester/Pester.Restore.csproj'
    Invoke-Native dotnet @('restore', $project, '--nologo', '-v', 'quiet')
    $assets = Get-Content -Raw (Join-Path $Root 'tests/pester/obj/project.assets.json') | ConvertFrom-Json
    $packageFolder = @($assets.packageFolders.PSObject.Properties.Name)[0]
    Join-Path $packageFolder 'pester/6.2.0/tools/Pester.psd1'
}

function Invoke-PesterTests {
    Set-StrictMode -Off   # the tests run as users' scripts do, not under this build script's strict mode
    Import-Module (Get-PesterModulePath) -Force
    $configuration = New-PesterConfiguration
    $configuration.Run.Path = Join-Path $Root 'tests/pester'
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'Detailed'
    $result = Invoke-Pester -Configuration $configuration
    @{
        Passed  = $result.PassedCount
        Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
        Skipped = $result.SkippedCount + $result.NotRunCount
    }
}

function Invoke-Test {
    $failedBuild = $false
    # The packages too: a test installs them as a user would.
    try { Invoke-Package } catch { Write-Host "BUILD FAILED: $_"; $failedBuild = $true }

    $total = @{ Passed = 0; Failed = [int]$failedBuild; Skipped = 0 }
    if (-not $failedBuild) {
        # A runner that throws (a broken test file, a missing tool) is a failure, never a silent "0 failed".
        foreach ($runner in 'Invoke-XunitTests', 'Invoke-PesterTests') {
            try { $counts = & $runner }
            catch { Write-Host "$runner FAILED: $_"; $counts = @{ Passed = 0; Failed = 1; Skipped = 0 } }
            foreach ($key in 'Passed', 'Failed', 'Skipped') { $total[$key] += $counts[$key] }
        }
    }

    $summary = '{0} passed, {1} failed' -f $total.Passed, $total.Failed
    if ($total.Skipped -gt 0) { $summary += ', {0} skipped' -f $total.Skipped }
    Write-Host $summary
    exit ([int]($total.Failed -gt 0))
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Build; & (Join-Path $Root 'examples/demo.ps1') -ModulePath (Join-Path $ModuleOut 'PayoutPS.psd1') }
    'Bench' { & (Join-Path $Root 'bench/run.ps1') -Configuration $Configuration }
    'Package' { Invoke-Package }
}
