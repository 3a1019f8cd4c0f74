<#
.SYNOPSIS
    What the runtime compiles while a fresh process pays its first files (issue 19's cold start): every method
    it compiled, with its tier, from the runtime's own list (DOTNET_JitStdOutFile, DOTNET_JitDisasmSummary=1).
.DESCRIPTION
    Starts the sandbox, writes $Files files of $Rows rows with RequestIds, and pays them in one fresh pwsh
    (New-Payout -Path -Journal -ThrottleLimit 16), printing each file's rate; then counts the compiled methods
    per tier. Run it with -Files 1 and -Files 3 and compare: what is compiled in the later files was still
    waiting while the first ran.
    Runs alone: pwsh bench/jit-summary.ps1 [-Files 3] [-Rows 20000]
#>
param(
    [int] $Files = 3,
    [int] $Rows = 20000
)

$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot -Parent
. (Join-Path $PSScriptRoot 'common.ps1')
$work = Join-Path ([IO.Path]::GetTempPath()) "payoutps-jit-$PID"
$null = New-Item -ItemType Directory -Force $work
$summary = Join-Path $work 'jit.txt'
$sandbox = & (Join-Path $root 'src/PayoutPS.Sandbox/Start-PayoutSandbox.ps1') -Arguments '--merchant', "${merchant}:${secretText}:USD=100000000000.00"
try {
    $csvs = foreach ($n in 1..$Files) { New-PayrollCsv $work $Rows "F$n" }

    $child = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Join-Path $root 'out/PayoutPS/PayoutPS.psd1')'
`$s = [securestring]::new(); '$secretText'.ToCharArray() | % { `$s.AppendChar(`$_) }
`$null = Connect-PayoutEnvironment Local -Port $($sandbox.Port) -MerchantId $merchant -SecretKey `$s
foreach (`$file in '$($csvs -join "','")') {
    `$w = [Diagnostics.Stopwatch]::StartNew()
    New-Payout -Path `$file -Journal "`$file.journal" -ThrottleLimit 16 -Force -InformationAction Ignore | Out-Null
    '{0}: {1:N0} rows/s' -f (Split-Path `$file -Leaf), ($Rows / `$w.Elapsed.TotalSeconds)
}
"@
    # Only the child writes the list: the sandbox is already running, and this process has compiled its own.
    $env:DOTNET_JitStdOutFile = $summary
    $env:DOTNET_JitDisasmSummary = '1'
    try { & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -Command $child }
    finally { Remove-Item Env:DOTNET_JitStdOutFile, Env:DOTNET_JitDisasmSummary }

    Get-Content $summary | ForEach-Object { if ($_ -match '\[([^,\[\]]+), IL size') { $Matches[1] } } | Group-Object -NoElement | Sort-Object Count -Descending |
        ForEach-Object { '{0,7} {1}' -f $_.Count, $_.Name }
}
finally {
    Stop-Process -Id $sandbox.Process.Id -ErrorAction Ignore
    Remove-Item $work -Recurse -Force -ErrorAction Ignore
}
