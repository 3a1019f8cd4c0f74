# Issue 10: every README and help example runs, against the local sandbox, so the documentation cannot rot.
#
# The documented substitution (the same for every example):
#   - host: "Connect-PayoutEnvironment Sandbox" and the provider's sandbox URL become the local sandbox;
#   - merchant and key: 800209 becomes the sandbox merchant 800100; C:\keys\merchant.pem, ./merchant.pem,
#     $credential, $secret and $env:PAYOUTPS_* hold that merchant's key; a prompt (Get-Credential, Read-Host)
#     is answered with it;
#   - files and ids: each example runs in a folder with payroll.csv, payees.csv, corrections.csv, callback.json,
#     notification.json, merchant.pem, an approver's alice.pfx (its password is the prompts' answer) with its
#     certificate in approvers/, and the journal of payroll.csv already paid (payroll.journal,
#     payroll-2026-11.journal), and 1775000000000000001 becomes an approved payee of the sandbox;
#   - the module is installed (on PSModulePath), each example starts connected (Connect-PayoutEnvironment
#     Local), as the examples assume, and a confirmation prompt is answered yes ($ConfirmPreference = 'None').
# An example that cannot run here says why, by name, in $CannotRun.
BeforeDiscovery {
    $root = Join-Path $PSScriptRoot '../..'
    $script:Examples = [System.Collections.Generic.List[object]]::new()
    $readme = Get-Content (Join-Path $root 'README.md') -Raw
    $n = 0
    foreach ($match in [regex]::Matches($readme, '(?ms)^```powershell\r?\n(.*?)^```')) {
        $n++
        $Examples.Add(@{ Name = "README block $n"; Code = $match.Groups[1].Value })
    }

    foreach ($file in Get-ChildItem (Join-Path $root 'src/PayoutPS/Help') -Filter *.psd1) {
        $i = 0
        foreach ($example in (Import-PowerShellDataFile $file.FullName).Examples) {
            $i++
            $Examples.Add(@{ Name = "$($file.BaseName) example $i ($($example.Title))"; Code = $example.Code })
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    $script:Sandbox = Start-TestSandbox @('--status-step-seconds', '0.1', '--payee-review-seconds', '0.2')
    $script:Secret = ConvertTo-TestSecureString $SandboxSecretText
    $script:SavedModulePath = $env:PSModulePath
    $env:PSModulePath = (Split-Path (Split-Path $ModulePath)) + [IO.Path]::PathSeparator + $env:PSModulePath   # "installed"
    $script:Credential = [pscredential]::new($SandboxMerchant, $Secret)

    # Examples that cannot run here, and why.
    $script:CannotRun = @{
        'Connect-PayoutEnvironment example 2' = 'connects to the real Production host, which this machine must not reach'
        'Test-PayoutNotification example 2'   = 'is a fragment of a listener loop ($listener); the whole receiver is examples/callback-receiver.ps1, tested in Test-PayoutNotification.Tests.ps1'
        'Test-PayoutSignature example 2'      = 'needs an RSA merchant''s callback; the same check runs in Test-PayoutNotification.Tests.ps1'
        'Approve-PayoutBatch example 1'       = 'signs with a certificate in the Windows store by thumbprint; the same runs in a store of its own in Approval.Tests.ps1'
    }
    $script:CannotRunPattern = @{
        'callback-receiver.ps1' = 'runs until stopped; tested end to end in Test-PayoutNotification.Tests.ps1'
        'Register-PSResourceRepository' = 'would change this user''s repository list; the same steps run as a new user in Install.Tests.ps1'
    }

    # One approved payee, a callback body, a receiver that answers 200, and the key file.
    $null = Connect-TestSandbox $Sandbox
    $script:Payee = New-PayoutBeneficiary -FirstName Jan -LastName Kowalski -AccountNumber DE02370502990000684712 -Country DE -City Köln -AddressLine1 'Domplatz 1' -PayoutCurrency EUR -Wait -Force
    $null = Send-TestPayout 'DOC-CALLBACK'
    $script:Body = (Invoke-RestMethod "$($Sandbox.Control)/state").callbacks | Select-Object -First 1 -ExpandProperty body
    if (-not $Body) {
        $Body = Protect-PayoutRequest ([ordered]@{ merchantNo = $SandboxMerchant; payoutId = '1774000000000000001'; requestId = 'DOC-CALLBACK'; payoutStatus = 'A' }) -AsJson
    }
    $script:KeyFile = Join-Path $TestDrive 'merchant.key'
    Set-Content $KeyFile $SandboxSecretText -NoNewline
    $script:ReceiverPort = & { $l = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0); $l.Start(); $p = $l.LocalEndpoint.Port; $l.Stop(); $p }
    # Stopped by closing the listener in AfterAll: a thread blocked in GetContext() ignores Stop-Job.
    $script:Listener = [System.Net.HttpListener]::new()
    $Listener.Prefixes.Add("http://127.0.0.1:$ReceiverPort/")
    $Listener.Start()
    $script:Receiver = Start-ThreadJob -ArgumentList $Listener {
        param($Listener)
        try { while ($true) { $c = $Listener.GetContext(); $c.Response.StatusCode = 200; $c.Response.Close() } } catch { }
    }

    # An approver's certificate: alice.pfx, whose password is the answer every prompt gets, and its public part in approvers/.
    $approverKey = [System.Security.Cryptography.RSA]::Create(2048)
    $approver = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new('CN=Alice Approver', $approverKey, 'SHA256', [System.Security.Cryptography.RSASignaturePadding]::Pkcs1).CreateSelfSigned((Get-Date).AddDays(-1), (Get-Date).AddYears(1))
    $script:ApproverPfx = $approver.Export('Pfx', $SandboxSecretText)
    $script:ApproverCer = $approver.Export('Cert')

    # The journal of payroll.csv, paid once as the examples name it (-BatchId payroll-2026-11), for the examples that reconcile or resume a batch.
    $script:PaidJournal = Join-Path $TestDrive 'paid.journal'

    function New-ExampleFolder {
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory $folder
        $row = { param($id, $amount) [pscustomobject]@{ RequestId = $id; FirstName = 'Anna'; LastName = 'Müller'; AccountNumber = 'DE89370400440532013000'; Country = 'DE'; City = 'Berlin'; AddressLine1 = 'Unter den Linden 1'; SendAmount = $amount; SourceCurrency = 'USD'; TargetCurrency = 'EUR'; Purpose = 'PersonalRemittance' } }
        @(& $row 'DOC-PAY-1' '100.00'; & $row 'DOC-PAY-2' '250.00'; & $row 'DOC-PAY-3' '75.50') | Export-Csv (Join-Path $folder 'payroll.csv') -NoTypeInformation -Encoding utf8
        [pscustomobject]@{ FirstName = 'Jan'; LastName = 'Kowalski'; AccountNumber = 'DE02370502990000684712'; Country = 'DE'; City = 'Köln'; AddressLine1 = 'Domplatz 1'; PayoutCurrency = 'EUR' } |
            Export-Csv (Join-Path $folder 'payees.csv') -NoTypeInformation -Encoding utf8
        [pscustomobject]@{ BeneficiaryId = $Payee.BeneficiaryId; FirstName = 'Jan'; LastName = 'Kowalski'; AccountNumber = 'DE02370502990000684712'; Country = 'DE'; City = 'Köln'; AddressLine1 = 'Domplatz 3'; PayoutCurrency = 'EUR' } |
            Export-Csv (Join-Path $folder 'corrections.csv') -NoTypeInformation -Encoding utf8
        Set-Content (Join-Path $folder 'callback.json') $Body -NoNewline
        Set-Content (Join-Path $folder 'notification.json') $Body -NoNewline
        Set-Content (Join-Path $folder 'merchant.pem') $SandboxSecretText -NoNewline
        [IO.File]::WriteAllBytes((Join-Path $folder 'alice.pfx'), $ApproverPfx)
        $null = New-Item -ItemType Directory (Join-Path $folder 'approvers')
        [IO.File]::WriteAllBytes((Join-Path $folder 'approvers/alice.cer'), $ApproverCer)
        if (-not (Test-Path $PaidJournal)) { $null = Import-Csv (Join-Path $folder 'payroll.csv') | New-Payout -Journal $PaidJournal -BatchId payroll-2026-11 -Force }
        Copy-Item $PaidJournal (Join-Path $folder 'payroll.journal')
        Copy-Item $PaidJournal (Join-Path $folder 'payroll-2026-11.journal')
        $folder
    }

    function ConvertTo-Runnable([string] $Code) {
        $Code = $Code -replace 'Connect-PayoutEnvironment Sandbox', "Connect-PayoutEnvironment Local -Port $($Sandbox.Port)"
        $Code = $Code -replace 'https://sandbox-api\.onerway\.com/payout', $Sandbox.BaseUri
        $Code = $Code -replace 'https://payouts\.example\.com/hook', "http://127.0.0.1:$ReceiverPort/hook"
        $Code = $Code -replace '-Port 5080', "-Port $($Sandbox.Port)"
        $Code = $Code -replace '800209', $SandboxMerchant
        $Code = $Code -replace [regex]::Escape('C:\keys\merchant.pem'), $KeyFile
        $Code = $Code -replace '1775000000000000001', $Payee.BeneficiaryId
        $Code = $Code -replace '\.\\', './'
        $Code = $Code -replace '\./out/PayoutPS/PayoutPS\.psd1', $ModulePath
        $Code -replace '\./examples/', "$RepoRoot/examples/"
    }
}

AfterAll {
    $env:PSModulePath = $SavedModulePath
    $Listener.Stop()
    $Receiver | Wait-Job -Timeout 10 | Remove-Job -Force
    Remove-Item Env:PAYOUTPS_MERCHANT_ID, Env:PAYOUTPS_KEY_PATH -ErrorAction Ignore
    Disconnect-PayoutEnvironment
    Stop-TestSandbox $Sandbox
}

Describe 'Documentation examples' {
    It '<Name> runs' -ForEach $Examples {
        $reason = $CannotRun[($Name -replace ' \(.*\)$', '')]
        foreach ($pattern in $CannotRunPattern.Keys) { if ($Code -match [regex]::Escape($pattern)) { $reason = $CannotRunPattern[$pattern] } }
        if ($reason) { Set-ItResult -Skipped -Because "it $reason"; return }

        $folder = New-ExampleFolder
        $env:PAYOUTPS_MERCHANT_ID = $SandboxMerchant   # as a scheduled task's environment would hold them
        $env:PAYOUTPS_SECRET_KEY = $SandboxSecretText
        $ps = [powershell]::Create()
        try {
            $preamble = {
                param($ModulePath, $Port, $Merchant, $Secret, $Credential, $Body, $Folder, $PayeeRow)
                Set-Location $Folder
                Import-Module $ModulePath
                $null = Connect-PayoutEnvironment Local -Port $Port -MerchantId $Merchant -SecretKey $Secret
                $ConfirmPreference = 'None'   # the confirmation prompt, answered yes
                # Prompts are answered: the examples' Get-Credential and Read-Host get the sandbox merchant's key.
                function Get-Credential { $Credential }
                function Read-Host { $Secret }
                $secret = $Secret; $credential = $Credential; $body = $Body
                $payout = $PayeeRow
            }
            $payoutSplat = @{ RequestId = 'DOC-SPLAT-1'; FirstName = 'Anna'; LastName = 'Müller'; AccountNumber = 'DE89370400440532013000'; Country = 'DE'; City = 'Berlin'; AddressLine1 = 'Unter den Linden 1'; SendAmount = '10.00'; SourceCurrency = 'USD'; Purpose = '1' }
            $runnable = ConvertTo-Runnable $Code
            $null = $ps.AddScript(". { $($preamble.ToString()) } @args`n$runnable", $false).AddArgument($ModulePath).AddArgument($Sandbox.Port).AddArgument($SandboxMerchant).AddArgument($Secret).AddArgument($Credential).AddArgument($Body).AddArgument($folder).AddArgument($payoutSplat)
            $null = $ps.Invoke()
            $errors = @($ps.Streams.Error | ForEach-Object { "$_" })
            $errors | Should -BeNullOrEmpty -Because "the example ran as:`n$runnable"
            $ps.InvocationStateInfo.State | Should -Be 'Completed'
        }
        finally {
            $ps.Dispose()
            Remove-Item Env:PAYOUTPS_MERCHANT_ID, Env:PAYOUTPS_KEY_PATH, Env:PAYOUTPS_SECRET_KEY -ErrorAction Ignore
        }
    }
}
