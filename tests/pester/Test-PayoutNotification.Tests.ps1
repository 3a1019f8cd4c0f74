# Issue 9: notifications (callbacks) checked as received, for SHA-256 and RSA merchants, and the example receiver
# against the sandbox's real deliveries: retries, repeats, late arrivals and forgeries.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    function Get-FreePort { $l = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0); $l.Start(); $p = $l.LocalEndpoint.Port; $l.Stop(); $p }
    $script:ReceiverPort = Get-FreePort
    # Deliveries are retried for about 30 s (three quick tries, then every 4 s; 10 at most): long enough for the
    # example receiver, a fresh pwsh, to start on a loaded machine before the sandbox gives a delivery up.
    $script:Sandbox = Start-TestSandbox @('--status-step-seconds', '0.2', '--callback-retry-seconds', '0.3,0.3,0.3,4', '--callback-url', "http://127.0.0.1:$ReceiverPort/hook")
    function Get-Callbacks { @((Get-SandboxState $Sandbox).callbacks) }
    function Wait-Until([scriptblock] $Condition, [int] $Seconds = 20) {
        $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
        while (-not (& $Condition) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
    }
}

AfterAll {
    Disconnect-PayoutEnvironment
    Stop-TestSandbox $Sandbox
}

Describe 'Test-PayoutNotification' {
    BeforeAll {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
        $null = Send-TestPayout 'NOTE-1'
        Wait-Until { @(Get-Callbacks).Count -ge 1 }
        $script:Body = (Get-Callbacks)[0].body
    }

    It 'accepts a real notification and types it' {
        $note = Test-PayoutNotification $Body
        $note.IsValid | Should -BeTrue
        $note.Problem | Should -BeNullOrEmpty
        $note.RequestId | Should -Be 'NOTE-1'
        $note.Status | Should -Be 'A'
        $note.StatusMeaning | Should -Be 'Pending review'
        $note.PayoutId | Should -Match '^\d{19}$'
    }

    It 'refuses a changed body, another merchant''s, and one without required fields' {
        (Test-PayoutNotification ($Body -replace '"payoutStatus":"A"', '"payoutStatus":"S"')).Problem | Should -Match '^Signature Mismatch'
        (Test-PayoutNotification $Body -MerchantId 800999).Problem | Should -Match 'for merchant 800100, not 800999'
        $unsigned = Protect-PayoutRequest @{ merchantNo = '800100'; payoutStatus = 'S' } -AsJson
        (Test-PayoutNotification $unsigned).Problem | Should -Match 'has no payoutId'
        (Test-PayoutNotification 'not json').IsValid | Should -BeFalse
    }

    It 'with -Journal, updates the batch''s row: repeats change nothing and a final status never moves back' {
        $csv = "$TestDrive/one.csv"
        [pscustomobject](New-TestPayee 'NOTE-J-1') | Select-Object * -ExcludeProperty Force | Export-Csv $csv -NoTypeInformation
        $journal = "$csv.journal"
        $null = Import-Csv $csv | New-Payout -Journal $journal -Force
        Wait-Until { @(Get-Callbacks | Where-Object { $_.requestId -eq 'NOTE-J-1' -and $_.payoutStatus -eq 'S' }).Count -eq 1 }
        $bodies = @{}
        Get-Callbacks | Where-Object requestId -eq 'NOTE-J-1' | ForEach-Object { $bodies[$_.payoutStatus] = $_.body }

        (Test-PayoutNotification $bodies['B'] -Journal $journal).JournalUpdate | Should -Be 'Applied'
        (Get-PayoutBatch -Journal $journal).Status | Should -Be 'B'
        (Test-PayoutNotification $bodies['B'] -Journal $journal).JournalUpdate | Should -Be 'Repeat'
        (Test-PayoutNotification $bodies['S'] -Journal $journal).JournalUpdate | Should -Be 'Applied'
        (Test-PayoutNotification $bodies['A'] -Journal $journal).JournalUpdate | Should -Be 'Late'
        (Get-PayoutBatch -Journal $journal).Status | Should -Be 'S'
        $forged = Test-PayoutNotification ($bodies['S'] -replace '"payoutStatus":"S"', '"payoutStatus":"F"') -Journal $journal
        $forged.IsValid | Should -BeFalse
        $forged.JournalUpdate | Should -BeNullOrEmpty
        (Get-PayoutBatch -Journal $journal).Status | Should -Be 'S'
    }

    It 'checks an RSA merchant''s notifications with the provider''s key, given here or on Connect' {
        New-TestRsaKeys "$TestDrive/keys"
        $null = Invoke-RestMethod -Method Post "$($Sandbox.Control)/merchants" -ContentType 'application/json' `
            -Body (@{ merchantNo = '800300'; rsaPublicKey = (Get-Content "$TestDrive/keys/public.pem" -Raw); callbackUrl = 'http://127.0.0.1:9/closed'; balances = @{ USD = '1000.00' } } | ConvertTo-Json)
        Invoke-RestMethod "$($Sandbox.Control)/provider-key" | Set-Content "$TestDrive/provider.pem"
        $rsa = Connect-PayoutEnvironment Local -Port $Sandbox.Port -MerchantId 800300 -KeyPath "$TestDrive/keys/pkcs8.pem"
        $payee = New-TestPayee 'RSA-NOTE-1'; $payee.Remove('Force')
        $null = New-Payout @payee -Force -Context $rsa
        Wait-Until { @(Get-Callbacks | Where-Object requestId -eq 'RSA-NOTE-1').Count -ge 1 }
        $rsaBody = (Get-Callbacks | Where-Object requestId -eq 'RSA-NOTE-1')[0].body

        (Test-PayoutNotification $rsaBody -Context $rsa).IsValid | Should -BeFalse -Because 'the merchant''s own key did not sign it'
        (Test-PayoutNotification $rsaBody -ProviderKeyPath "$TestDrive/provider.pem" -MerchantId 800300).IsValid | Should -BeTrue
        $withProvider = Connect-PayoutEnvironment Local -Port $Sandbox.Port -MerchantId 800300 -KeyPath "$TestDrive/keys/pkcs8.pem" -ProviderKeyPath "$TestDrive/provider.pem"
        (Test-PayoutNotification $rsaBody -Context $withProvider).IsValid | Should -BeTrue
        (Test-PayoutSignature $rsaBody -Context $rsa).Status | Should -Be 'Mismatch'
        (Test-PayoutSignature $rsaBody -ProviderKeyPath "$TestDrive/provider.pem").IsValid | Should -BeTrue
        $null = Connect-TestSandbox $Sandbox
    }
}

Describe 'Test-PayoutNotification -Journal applies a notification only to its own row' {
    BeforeAll {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
        $script:Journal = "$TestDrive/match.journal"
        $rows = @((New-TestPayee 'INV-4' '2.50'), (New-TestPayee 'INV-42' '7.00')) | ForEach-Object { [pscustomobject]$_ | Select-Object * -ExcludeProperty Force }
        $null = $rows | New-Payout -Journal $Journal -Force
        $script:Paid = @{}; foreach ($p in (Get-SandboxState $Sandbox).payouts) { $Paid[$p.requestId] = $p }
        # A notification as the provider signs it for a SHA-256 merchant, for INV-4 as paid.
        function New-Notification([string] $RequestId = 'INV-4', [hashtable] $Change = @{}) {
            $p = $Paid[$RequestId]
            $fields = [ordered]@{ merchantNo = $SandboxMerchant; payoutId = $p.payoutId; requestId = $p.requestId; payoutStatus = 'S'; sourceAmount = $p.sourceAmount
                sourceCurrency = $p.sourceCurrency; targetAmount = $p.targetAmount; targetCurrency = $p.targetCurrency; fee = $p.fee; notifyTime = '2026-11-29 12:00:00' }
            foreach ($k in $Change.Keys) { $fields[$k] = $Change[$k] }
            Protect-PayoutRequest $fields -AsJson
        }
        function Get-Logged { if (Test-Path "$Journal.notifications") { @(Get-Content "$Journal.notifications" | ConvertFrom-Json) } else { @() } }
    }

    It 'applies a genuine notification to its row' {
        $note = Test-PayoutNotification (New-Notification) -Journal $Journal
        $note.JournalUpdate | Should -Be 'Applied'
        (Get-Logged).requestId | Should -Be @('INV-4')
    }

    It 'does not apply INV-4 + 2.50 rewritten as INV-42 + .50, which the signature cannot tell apart' {
        $genuine = New-Notification
        $genuine | Should -Match '"requestId":"INV-4"'
        $tampered = $genuine.Replace('"requestId":"INV-4"', '"requestId":"INV-42"').Replace('"sourceAmount":"2.50"', '"sourceAmount":".50"')
        $note = Test-PayoutNotification $tampered -Journal $Journal -WarningAction SilentlyContinue
        $note.IsValid | Should -BeTrue -Because 'the canonical string has no separators: the signature still holds'
        $note.JournalUpdate | Should -Be 'NotApplied'
        $note.JournalProblem | Should -Match "sourceAmount '.50'"
        @(Get-Logged | Where-Object requestId -eq 'INV-42').Count | Should -Be 0
        (Get-PayoutBatch -Journal $Journal | Where-Object RequestId -eq 'INV-42').Status | Should -Not -Be 'S'
    }

    It 'does not apply one whose <Name>' -ForEach @(
        @{ Name = 'requestId is not a row of the journal'; Change = @{ requestId = 'INV-999' }; Problem = 'not a row of journal' }
        @{ Name = 'payoutId is another payout'; Change = @{ payoutId = '1774000000000999999' }; Problem = 'as payout \d{19}, not 1774000000000999999' }
        @{ Name = 'amount differs from the row'; Change = @{ sourceAmount = '3.50' }; Problem = 'sourceAmount 3.50 USD differs' }
    ) {
        $before = @(Get-Logged).Count
        $note = Test-PayoutNotification (New-Notification -Change $Change) -Journal $Journal -WarningAction SilentlyContinue
        $note.IsValid | Should -BeTrue
        $note.JournalUpdate | Should -Be 'NotApplied'
        $note.JournalProblem | Should -Match $Problem
        @(Get-Logged).Count | Should -Be $before
    }

    It 'does not apply to another merchant''s journal, nor create a log beside a mistyped path' {
        $note = Test-PayoutNotification (New-Notification) -Journal "$TestDrive/mistyped.journal" -WarningAction SilentlyContinue
        $note.JournalUpdate | Should -Be 'NotApplied'
        $note.JournalProblem | Should -Match 'does not exist'
        Test-Path "$TestDrive/mistyped.journal.notifications" | Should -BeFalse

        $other = "$TestDrive/other.journal"
        (Get-Content $Journal -First 1).Replace('"merchant":"800100"', '"merchant":"800555"') | Set-Content $other
        (Test-PayoutNotification (New-Notification) -Journal $other -WarningAction SilentlyContinue).JournalProblem | Should -Match 'belongs to merchant 800555'
    }

    It 'checks with the key and merchant of the environment variables Connect-PayoutEnvironment reads, in a fresh process never connected' {
        $bodyFile = Join-Path $TestDrive 'note.json'
        Set-Content $bodyFile $Body -NoNewline
        $script = @"
`$env:PAYOUTPS_MERCHANT_ID = '$SandboxMerchant'; `$env:PAYOUTPS_SECRET_KEY = '$SandboxSecretText'
Import-Module '$ModulePath'
`$note = Test-PayoutNotification (Get-Content -Raw '$bodyFile')
'VALID=' + `$note.IsValid + ' REQUEST=' + `$note.RequestId
`$env:PAYOUTPS_MERCHANT_ID = '800999'
'OTHER=' + (Test-PayoutNotification (Get-Content -Raw '$bodyFile')).Problem
"@
        $run = Invoke-FreshPwsh $script
        $run.Output | Should -Match 'VALID=True REQUEST=NOTE-1'
        $run.Output | Should -Match 'OTHER=.*for merchant 800100, not 800999'
    }

    It 'checks the signed notification the sandbox gives for any payout of it, with no receiver set up' {
        $null = Send-TestPayout 'NOTE-LOCAL'
        $body = (Invoke-WebRequest "$($Sandbox.Control)/notification?requestId=NOTE-LOCAL").Content

        $note = $body | Test-PayoutNotification
        $note.IsValid | Should -BeTrue -Because $note.Problem
        $note.RequestId | Should -Be 'NOTE-LOCAL'
        $refused = try { Invoke-WebRequest "$($Sandbox.Control)/notification?requestId=NEVER-SENT" } catch { $_ }
        $refused.Exception.Response.StatusCode | Should -Be 'BadRequest'
        $refused.ErrorDetails.Message | Should -Match 'Give \?requestId= of a payout of this sandbox'
    }

    It 'refuses to run without a merchant to check against' {
        $script = @"
Import-Module '$ModulePath'
`$s = [securestring]::new(); '$SandboxSecretText'.ToCharArray() | % { `$s.AppendChar(`$_) }
try { Test-PayoutNotification '{}' -SecretKey `$s -ErrorAction Stop; 'CHECKED' } catch { 'REFUSED ' + `$_.Exception.Message }
"@
        (Invoke-FreshPwsh $script).Output | Should -Match 'REFUSED No merchant number'
    }
}

Describe 'examples/callback-receiver.ps1 against the sandbox''s deliveries' {
    BeforeAll {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
        $env:PAYOUTPS_MERCHANT_ID = $SandboxMerchant
        $env:PAYOUTPS_SECRET_KEY = $SandboxSecretText
        $script:StatePath = "$TestDrive/status.json"
        # Payouts first: their first deliveries find no receiver (connection refused) and are retried.
        $null = Send-TestPayout 'CB-OK-1'
        $null = Send-TestPayout 'CB-OK-2'
        $null = Send-TestPayout 'CB-FAIL-1' -Reference 'SANDBOX_FAIL'
        # A first delivery has failed (no receiver yet) before the receiver starts: polled, not a fixed wait.
        Wait-Until { @(Get-Callbacks | Where-Object { @($_.attempts).Count -ge 1 -and -not $_.delivered }).Count -ge 1 } 30
        @(Get-Callbacks | Where-Object { @($_.attempts).Count -ge 1 }).Count | Should -BeGreaterThan 0 -Because 'a delivery failed before the receiver listened'
        $pwsh = Join-Path $PSHOME 'pwsh.dll'
        $script:Receiver = Start-Process dotnet -PassThru -RedirectStandardOutput "$TestDrive/receiver.out" -RedirectStandardError "$TestDrive/receiver.err" -ArgumentList @(
            $pwsh, '-NoProfile', '-NonInteractive', '-File', (Join-Path $RepoRoot 'examples/callback-receiver.ps1'), '-Port', $ReceiverPort, '-StatePath', $StatePath, '-ModulePath', $ModulePath)
        # Settled: every payout final, its final status delivered, and nothing left to deliver (one condition, polled).
        Wait-Until {
            $state = Get-SandboxState $Sandbox
            $final = @($state.payouts | Where-Object { $_.payoutStatus -in 'S', 'F' })
            $delivered = @($state.callbacks | Where-Object delivered)
            $final.Count -eq 3 -and @($state.callbacks | Where-Object { -not $_.delivered }).Count -eq 0 -and
                @($final | Where-Object { $p = $_; -not ($delivered | Where-Object { $_.requestId -eq $p.requestId -and $_.payoutStatus -eq $p.payoutStatus }) }).Count -eq 0
        } 60
    }

    AfterAll {
        if (-not $Receiver.HasExited) { $Receiver.Kill() }
        Remove-Item Env:PAYOUTPS_MERCHANT_ID, Env:PAYOUTPS_SECRET_KEY -ErrorAction Ignore
    }

    It 'receives every status, including the retried first deliveries, and ends at each payout''s final status' {
        $callbacks = Get-Callbacks
        @($callbacks | Where-Object { -not $_.delivered }).Count | Should -Be 0
        @($callbacks | Where-Object { $_.attempts.Count -gt 1 }).Count | Should -BeGreaterThan 0 -Because 'the first deliveries came before the receiver listened'
        $recorded = Get-Content $StatePath -Raw | ConvertFrom-Json
        foreach ($payout in (Get-SandboxState $Sandbox).payouts) {
            $recorded.($payout.requestId).Status | Should -Be $payout.payoutStatus
        }
        $recorded.'CB-FAIL-1'.Status | Should -Be 'F'
    }

    It 'treats a repeat as a no-op, never moves a final status back, and refuses a forgery' {
        $callbacks = Get-Callbacks
        $first = ($callbacks | Where-Object { $_.requestId -eq 'CB-OK-1' -and $_.payoutStatus -eq 'A' }).body
        $last = ($callbacks | Where-Object { $_.requestId -eq 'CB-OK-1' -and $_.payoutStatus -eq 'S' }).body
        $hook = "http://127.0.0.1:$ReceiverPort/hook"
        (Invoke-WebRequest -Method Post $hook -Body $last -ContentType 'application/json').StatusCode | Should -Be 200
        (Invoke-WebRequest -Method Post $hook -Body $first -ContentType 'application/json').StatusCode | Should -Be 200
        $forged = $last -replace '"payoutStatus":"S"', '"payoutStatus":"F"'
        (Invoke-WebRequest -Method Post $hook -Body $forged -ContentType 'application/json' -SkipHttpErrorCheck).StatusCode | Should -Be 401

        (Get-Content $StatePath -Raw | ConvertFrom-Json).'CB-OK-1'.Status | Should -Be 'S'
        $log = Get-Content "$TestDrive/receiver.out" -Raw
        $log | Should -Match 'REPEAT: CB-OK-1 S'
        $log | Should -Match 'LATE: CB-OK-1 A arrived after the final S; kept S'
        $log | Should -Match 'REFUSED: Signature Mismatch'
    }
}
