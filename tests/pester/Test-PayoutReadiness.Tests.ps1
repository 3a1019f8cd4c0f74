# Issue 9: the pre-launch checklist, passing against the sandbox and failing the way each item can fail.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    $script:Sandbox = Start-TestSandbox
    function Get-FreePort { $l = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0); $l.Start(); $p = $l.LocalEndpoint.Port; $l.Stop(); $p }
    # A one-request receiver in a thread job: answers $Status to whatever arrives.
    function Start-Receiver([int] $Port, [int] $Status) {
        Start-ThreadJob -ArgumentList $Port, $Status {
            param($Port, $Status)
            $listener = [System.Net.HttpListener]::new(); $listener.Prefixes.Add("http://127.0.0.1:$Port/"); $listener.Start()
            try { $c = $listener.GetContext(); $body = [IO.StreamReader]::new($c.Request.InputStream).ReadToEnd(); $c.Response.StatusCode = $Status; $c.Response.Close(); $body }
            finally { $listener.Stop() }
        }
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
        Start-Sleep -Milliseconds 300
        $key = "$TestDrive/secret.txt"
        Set-Content $key $SandboxSecretText -NoNewline
        if (-not $IsWindows) { & chmod 600 $key }
        $null = Connect-PayoutEnvironment Local -Port $Sandbox.Port -MerchantId $SandboxMerchant -KeyPath $key

        $items = @(Test-PayoutReadiness -CallbackUrl "http://127.0.0.1:$port/hook")

        $items | ForEach-Object { $_.Status | Should -Be 'Pass' -Because "$($_.Check): $($_.Detail)" }
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
        Start-Sleep -Milliseconds 300

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
