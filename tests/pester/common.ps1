# Shared by every Pester file: imports the built module and offers helpers for keys and fresh processes.
$ErrorActionPreference = 'Stop'
$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:ModulePath = Join-Path $RepoRoot 'out/PayoutPS/PayoutPS.psd1'
if (-not (Test-Path $ModulePath)) { throw "Build first: ./build.sh build ($ModulePath is missing)." }
Import-Module $ModulePath -Force

function ConvertTo-TestSecureString([string] $Text) {
    $secure = [System.Security.SecureString]::new()
    foreach ($c in $Text.ToCharArray()) { $secure.AppendChar($c) }
    $secure.MakeReadOnly()
    $secure
}

# Runs a script in a new pwsh process (for import cost, assembly loading and stream capture).
function Invoke-FreshPwsh([string] $Script) {
    $pwshDll = Join-Path $PSHOME 'pwsh.dll'
    $env:NO_COLOR = '1'
    $output = & dotnet $pwshDll -NoLogo -NoProfile -NonInteractive -Command $Script 2>&1
    [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output | Out-String) }
}

function New-TestRsaKeys([string] $Directory) {
    $null = New-Item -ItemType Directory -Force $Directory
    if (-not $IsWindows) { & chmod 700 $Directory }   # private keys, even test ones: this user only
    $k = { param($name) Join-Path $Directory $name }
    & openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out (& $k 'pkcs8.pem') 2>$null
    & openssl rsa -in (& $k 'pkcs8.pem') -traditional -out (& $k 'pkcs1.pem') 2>$null
    & openssl pkcs8 -topk8 -in (& $k 'pkcs8.pem') -v2 aes-256-cbc -passout 'pass:s3cret pass' -out (& $k 'encrypted.pem') 2>$null
    & openssl pkey -in (& $k 'pkcs8.pem') -pubout -out (& $k 'public.pem') 2>$null
    & openssl ecparam -name prime256v1 -genkey -noout -out (& $k 'ec.pem') 2>$null
    & openssl pkcs8 -topk8 -nocrypt -in (& $k 'pkcs8.pem') -outform DER -out (& $k 'pkcs8.der') 2>$null
    [IO.File]::WriteAllText((& $k 'pkcs8.b64'), [Convert]::ToBase64String([IO.File]::ReadAllBytes((& $k 'pkcs8.der'))))
    Set-Content -Path (& $k 'empty.pem') -Value '' -NoNewline
}

# Whether this process ignores SIGINT: a process started with & from a shell script inherits it ignored (POSIX), and
# so does every child it starts. Ctrl+C then cannot reach a task at all, which no code in the task can change.
function Test-SigIntIgnored {
    $mask = [regex]::Match((Get-Content -Raw "/proc/$PID/status" -ErrorAction Ignore) + '', 'SigIgn:\s*([0-9a-f]+)').Groups[1].Value
    $mask -and ([Convert]::ToUInt64($mask, 16) -band 2)
}
