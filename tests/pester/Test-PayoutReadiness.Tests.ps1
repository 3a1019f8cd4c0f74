# Issue 9: the pre-launch checklist, passing against the sandbox and failing the way each item can fail.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    $script:Sandbox = Start-TestSandbox
    function Get-FreePort { $l = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0); $l.Start(); $p = $l.LocalEndpoint.Port; $l.Stop(); $p }
    # A one-request receiver in a thread job: answers $Status to whatever arrives. Returns once it listens (the job
    # sets the event it shares with this thread), so no request can come before it: no fixed wait.
    function Start-Receiver([int] $Port, [int] $Status) {
        $ready = [Threading.ManualResetEventSlim]::new($false)
        $job = Start-ThreadJob -ArgumentList $Port, $Status, $ready {
            param($Port, $Status, $Ready)
            $listener = [System.Net.HttpListener]::new(); $listener.Prefixes.Add("http://127.0.0.1:$Port/"); $listener.Start()
            $Ready.Set()
            try { $c = $listener.GetContext(); $body = [IO.StreamReader]::new($c.Request.InputStream).ReadToEnd(); $c.Response.StatusCode = $Status; $c.Response.Close(); $body }
            finally { $listener.Stop() }
        }
        $ready.Wait([TimeSpan]::FromSeconds(30)) | Should -BeTrue -Because "the receiver on port $Port listens"
        $job
    }
}

AfterAll {
    Disconnect-PayoutEnvironment
    Stop-TestSandbox $Sandbox
}

Describe 'Test-PayoutReadiness' {
    BeforeEach { Reset-Sandbox $Sandbox }

    It 'passes every item against the sandbox, creating the three scenarios there' {
        $port = Get-FreePort
        $job = Start-Receiver $port 200
        $key = "$TestDrive/secret.txt"
        Set-Content $key $SandboxSecretText -NoNewline
        if (-not $IsWindows) { & chmod 600 $key }
        $null = Connect-PayoutEnvironment Local -Port $Sandbox.Port -MerchantId $SandboxMerchant -KeyPath $key

        $items = @(Test-PayoutReadiness -CallbackUrl "http://127.0.0.1:$port/hook")

        # Every item passes; only TLS is not checked: the local sandbox is plain HTTP on this machine, and is said to be.
        $items | Where-Object Check -notlike 'The connection is encrypted*' | ForEach-Object { $_.Status | Should -Be 'Pass' -Because "$($_.Check): $($_.Detail)" }
        ($items | Where-Object Check -like 'The connection is encrypted*').Status | Should -Be 'Skipped'
        $items.Check | Should -Contain 'A wrongly signed request is rejected (13002)'
        $payouts = @((Get-SandboxState $Sandbox).payouts)
        $payouts.Count | Should -Be 3
        ($payouts | Where-Object { $_.requestId -like '*-OBO' }).request.payerDetail | Should -Match 'Readiness Platform'
        $received = $job | Wait-Job -Timeout 10 | Receive-Job
        (Test-PayoutNotification $received).IsValid | Should -BeTrue
    }

    It 'fails the balance and the scenarios for a merchant with nothing to pay from' {
        $null = Invoke-RestMethod -Method Post "$($Sandbox.Control)/merchants" -ContentType 'application/json' `
            -Body (@{ merchantNo = '800400'; secret = $SandboxSecretText; balances = @{} } | ConvertTo-Json)
        $null = Connect-PayoutEnvironment Local -Port $Sandbox.Port -MerchantId 800400 -SecretKey (ConvertTo-TestSecureString $SandboxSecretText)
        $items = @(Test-PayoutReadiness)
        ($items | Where-Object Check -eq 'Balances are readable').Status | Should -Be 'Fail'
        ($items | Where-Object Check -like 'Pay *').Status | Should -Be @('Fail', 'Fail', 'Fail')
        ($items | Where-Object Check -like 'Pay *')[0].Fix | Should -Match 'fund a sandbox balance'
    }

    It 'fails each item the way it can fail, with a fix' {
        $key = "$TestDrive/open.txt"
        Set-Content $key $SandboxSecretText -NoNewline
        if (-not $IsWindows) { & chmod 644 $key }
        $null = Connect-PayoutEnvironment Local -Port $Sandbox.Port -MerchantId $SandboxMerchant -KeyPath $key
        $port = Get-FreePort
        $job = Start-Receiver $port 500

        $items = @(Test-PayoutReadiness -CallbackUrl "http://127.0.0.1:$port/hook")
        $job | Wait-Job -Timeout 10 | Remove-Job

        $callback = $items | Where-Object Check -like 'The callback URL*'
        $callback.Status | Should -Be 'Fail'
        $callback.Detail | Should -Match 'answered 500'
        if (-not $IsWindows) {
            $file = $items | Where-Object Check -like 'The key is readable*'
            $file.Status | Should -Be 'Fail'
            $file.Fix | Should -Match 'chmod 600'
        }

        $null = Connect-PayoutEnvironment Local -Port $Sandbox.Port -MerchantId 800999 -SecretKey (ConvertTo-TestSecureString $SandboxSecretText) -SkipValidation
        $wrongMerchant = @(Test-PayoutReadiness)
        ($wrongMerchant | Where-Object Check -eq 'A signed call is accepted').Status | Should -Be 'Fail'
        ($wrongMerchant | Where-Object Check -eq 'A signed call is accepted').Fix | Should -Match 'MerchantId'
        ($wrongMerchant | Where-Object Check -like 'The callback URL*').Status | Should -Be 'Skipped'
    }
}

Describe 'No check moves money unless the host is known to be a sandbox' {
    It 'skips the payout scenarios against a loopback service that is not the sandbox, and sends it no remittance' {
        # A recording stand-in: answers every POST with a success and balances, and GET /_sandbox/health with 404.
        $port = Get-FreePort
        $log = "$TestDrive/stand-in.log"
        $listener = [System.Net.HttpListener]::new()
        $listener.Prefixes.Add("http://127.0.0.1:$port/")
        $listener.Start()
        $job = Start-ThreadJob -ArgumentList $listener, $log {
            param($Listener, $Log)
            try {
                while ($true) {
                    $c = $Listener.GetContext()
                    Add-Content $Log "$($c.Request.HttpMethod) $($c.Request.Url.AbsolutePath)"
                    $c.Response.StatusCode = if ($c.Request.HttpMethod -eq 'POST') { 200 } else { 404 }
                    $bytes = [Text.Encoding]::UTF8.GetBytes('{"respCode":"20000","respMsg":"Success","data":[{"currency":"USD","balance":"100.00","availableBalance":"100.00","frozenBalance":"0.00"}]}')
                    $c.Response.OutputStream.Write($bytes, 0, $bytes.Length)
                    $c.Response.Close()
                }
            }
            catch { }
        }
        try {
            $null = Connect-PayoutEnvironment -BaseUri "http://127.0.0.1:$port/payout" -MerchantId $SandboxMerchant -SecretKey (ConvertTo-TestSecureString $SandboxSecretText) -SkipValidation
            $items = @(Test-PayoutReadiness)
        }
        finally { $listener.Stop(); $job | Wait-Job -Timeout 10 | Remove-Job -Force }

        $scenarios = @($items | Where-Object Check -like 'Pay *')
        $scenarios.Count | Should -Be 3
        $scenarios.Status | Should -Be @('Skipped', 'Skipped', 'Skipped')
        $scenarios[0].Detail | Should -Match 'does not answer as the PayoutPS sandbox'
        $requests = Get-Content $log
        $requests | Should -Contain 'GET /_sandbox/health'
        @($requests -match 'remittance').Count | Should -Be 0 -Because 'no payout may reach a service not known to be a sandbox'
    }

    It 'runs them against this project''s sandbox reached by -BaseUri, which it recognises by its control plane' {
        Reset-Sandbox $Sandbox
        $null = Connect-PayoutEnvironment -BaseUri $Sandbox.BaseUri -MerchantId $SandboxMerchant -SecretKey (ConvertTo-TestSecureString $SandboxSecretText)
        $items = @(Test-PayoutReadiness)
        ($items | Where-Object Check -like 'Pay *').Status | Should -Be @('Pass', 'Pass', 'Pass')
        @((Get-SandboxState $Sandbox).payouts).Count | Should -Be 3
    }
}

Describe 'Connect-PayoutEnvironment -BaseUri' {
    It 'treats the production host as Production, with its confirmation, however it is written' {
        # In a fresh non-interactive pwsh, as a scheduled task runs: no prompt can hang the test.
        $script = @"
Import-Module '$ModulePath'
`$s = [securestring]::new(); '$SandboxSecretText'.ToCharArray() | % { `$s.AppendChar(`$_) }
foreach (`$uri in 'https://api.onerway.com/payout', 'https://API.onerway.com./payout') {
    try { Connect-PayoutEnvironment -BaseUri `$uri -MerchantId 800209 -SecretKey `$s -SkipValidation -ErrorAction Stop | Out-Null; 'CONNECTED' } catch { 'REFUSED ' + `$_.FullyQualifiedErrorId }
    'forced=' + (Connect-PayoutEnvironment -BaseUri `$uri -MerchantId 800209 -SecretKey `$s -SkipValidation -Force).Environment
}
"@
        $run = Invoke-FreshPwsh $script
        ([regex]::Matches($run.Output, 'REFUSED PayoutPS.ConfirmationRequired')).Count | Should -Be 2
        $run.Output | Should -Not -Match 'CONNECTED'
        ([regex]::Matches($run.Output, 'forced=Production')).Count | Should -Be 2
    }

    It 'refuses plain http to another machine, and allows it on this one' {
        $secret = ConvertTo-TestSecureString $SandboxSecretText
        { Connect-PayoutEnvironment -BaseUri 'http://payouts.example.com/payout' -MerchantId 800209 -SecretKey $secret -SkipValidation -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*plain http to another machine*'
        (Connect-PayoutEnvironment -BaseUri 'http://localhost:9/payout' -MerchantId 800209 -SecretKey $secret -SkipValidation).Environment | Should -Be 'Custom'
        Disconnect-PayoutEnvironment
    }

    It 'warns when the key file can be read by other users, and not when it cannot' -Skip:$IsWindows {
        $key = "$TestDrive/connect-key.txt"
        Set-Content $key $SandboxSecretText -NoNewline
        & chmod 644 $key
        $null = Connect-PayoutEnvironment Local -Port $Sandbox.Port -MerchantId $SandboxMerchant -KeyPath $key -WarningVariable exposed -WarningAction SilentlyContinue
        @($exposed).Count | Should -Be 1
        $exposed[0].Message | Should -Match 'mode 644.*chmod 600'
        & chmod 600 $key
        $null = Connect-PayoutEnvironment Local -Port $Sandbox.Port -MerchantId $SandboxMerchant -KeyPath $key -WarningVariable quiet -WarningAction SilentlyContinue
        @($quiet).Count | Should -Be 0
        Disconnect-PayoutEnvironment
    }
}
