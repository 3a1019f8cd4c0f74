# Starts and drives a real sandbox process on 127.0.0.1 for the Pester tests (dot-source after common.ps1).
$script:SandboxMerchant = '800100'
$script:SandboxSecretText = '5a4d3c2b1a0f9e8d7c6b5a4d3c2b1a0f'

function Start-TestSandbox([string[]] $Arguments = @()) {
    & (Join-Path $RepoRoot 'src/PayoutPS.Sandbox/Start-PayoutSandbox.ps1') -Arguments $Arguments
}

function Stop-TestSandbox($Sandbox) {
    if ($Sandbox -and -not $Sandbox.Process.HasExited) {
        Stop-Process -Id $Sandbox.Process.Id -ErrorAction Ignore
        $null = $Sandbox.Process.WaitForExit(5000)
    }
}

function Get-SandboxState($Sandbox) { Invoke-RestMethod "$($Sandbox.Control)/state" }

function Reset-Sandbox($Sandbox) { $null = Invoke-RestMethod -Method Post "$($Sandbox.Control)/reset" }

function Add-SandboxFault($Sandbox, [hashtable] $Rule) {
    $null = Invoke-RestMethod -Method Post "$($Sandbox.Control)/faults" -Body ($Rule | ConvertTo-Json) -ContentType 'application/json'
}

function Clear-SandboxFaults($Sandbox) { $null = Invoke-RestMethod -Method Delete "$($Sandbox.Control)/faults" }

# Waits until the sandbox holds exactly $Count requests under a delay fault: 1, a request is in flight now; 0, every
# delayed request has been answered, so nothing lands after this. Polls instead of guessing this machine's speed.
function Wait-SandboxHeld($Sandbox, [int] $Count = 0) {
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ((Invoke-RestMethod "$($Sandbox.Control)/held").held -ne $Count -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
    (Invoke-RestMethod "$($Sandbox.Control)/held").held | Should -Be $Count -Because 'the sandbox holds that many delayed requests by now'
}

function Move-SandboxClock($Sandbox, [double] $Seconds) {
    $null = Invoke-RestMethod -Method Post "$($Sandbox.Control)/clock" -Body (@{ advanceSeconds = $Seconds } | ConvertTo-Json) -ContentType 'application/json'
}

function Connect-TestSandbox($Sandbox, [hashtable] $Extra = @{}) {
    Connect-PayoutEnvironment -Environment Local -Port $Sandbox.Port -MerchantId $SandboxMerchant -SecretKey (ConvertTo-TestSecureString $SandboxSecretText) @Extra
}

# A complete inline payee for splatting into New-Payout.
function New-TestPayee([string] $RequestId, [string] $Amount = '100.00') {
    @{
        RequestId = $RequestId; FirstName = 'Anna'; LastName = 'Müller'; AccountNumber = 'DE89370400440532013000'
        Country = 'DE'; City = 'Berlin'; AddressLine1 = 'Unter den Linden 1'
        SendAmount = $Amount; SourceCurrency = 'USD'; TargetCurrency = 'EUR'; Purpose = 'PersonalRemittance'; Force = $true
    }
}

# New-Payout for the test payee; extra named parameters pass through.
function Send-TestPayout([string] $RequestId, [string] $Amount = '100.00') {
    $payee = New-TestPayee $RequestId $Amount
    New-Payout @payee @args
}

# A script for Invoke-FreshPwsh that runs $Invocation (statements adding commands to $ps, connected as
# $context) in a runspace of its own and presses Ctrl+C ($ps.Stop()) once $StopWhen (a condition, run in the child
# every 20 ms; $control is the sandbox's control URL there) holds: the host is the child's, so the warnings a stop
# writes reach its output.
function New-CtrlCScript($Sandbox, [string] $Invocation, [string] $StopWhen) {
    @"
Import-Module '$ModulePath'
`$s = [securestring]::new(); '$SandboxSecretText'.ToCharArray() | % { `$s.AppendChar(`$_) }
`$context = Connect-PayoutEnvironment Local -Port $($Sandbox.Port) -MerchantId $SandboxMerchant -SecretKey `$s
`$control = '$($Sandbox.Control)'
`$runspace = [runspacefactory]::CreateRunspace(`$Host); `$runspace.Open()
`$ps = [powershell]::Create(); `$ps.Runspace = `$runspace
$Invocation
`$handle = `$ps.BeginInvoke()
`$deadline = [DateTime]::UtcNow.AddSeconds(60)
while (-not `$handle.IsCompleted -and -not ($StopWhen) -and [DateTime]::UtcNow -lt `$deadline) { Start-Sleep -Milliseconds 20 }
`$ps.Stop()
"@
}
