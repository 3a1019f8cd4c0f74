# Issue 29: pay only what was approved (four-eyes approval of a batch file), and keys from the certificate store.
# The sandbox's state is the judge: a refused run sends nothing and creates no journal.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')

    # Self-signed RSA certificates as a company CA would issue them, valid from $From to $To.
    function New-TestCertificate([string] $Name, [datetime] $From = (Get-Date).AddDays(-1), [datetime] $To = (Get-Date).AddYears(1), [switch] $Ecdsa) {
        $key = if ($Ecdsa) { [System.Security.Cryptography.ECDsa]::Create() } else { [System.Security.Cryptography.RSA]::Create(2048) }
        $request = if ($Ecdsa) { [System.Security.Cryptography.X509Certificates.CertificateRequest]::new("CN=$Name", $key, 'SHA256') }
                   else { [System.Security.Cryptography.X509Certificates.CertificateRequest]::new("CN=$Name", $key, 'SHA256', [System.Security.Cryptography.RSASignaturePadding]::Pkcs1) }
        $request.CreateSelfSigned($From, $To)
    }

    $script:Dir = Join-Path $TestDrive 'approval'
    $script:Trusted = Join-Path $Dir 'approvers'   # the public parts only, as a scheduled task's server holds them
    $null = New-Item -ItemType Directory $Trusted
    $script:PfxPassword = 'approver-pfx-7'
    $script:Password = ConvertTo-TestSecureString $PfxPassword
    $script:Certificates = @{
        Alice   = New-TestCertificate 'Alice Approver'
        Bob     = New-TestCertificate 'Bob Approver'
        Mallory = New-TestCertificate 'Mallory Outsider'
        Lapsed  = New-TestCertificate 'Lapsed Approver' -From (Get-Date).AddYears(-3) -To (Get-Date).AddYears(-1)
    }
    foreach ($name in $Certificates.Keys) {
        [IO.File]::WriteAllBytes((Join-Path $Dir "$name.pfx"), $Certificates[$name].Export('Pfx', $PfxPassword))
        if ($name -ne 'Mallory') { [IO.File]::WriteAllBytes((Join-Path $Trusted "$name.cer"), $Certificates[$name].Export('Cert')) }
    }

    # The merchant's RSA key as a certificate (for Connect -CertificateThumbprint), known to the sandbox by its public key.
    $script:MerchantCertificate = New-TestCertificate 'Merchant 800300'
    [IO.File]::WriteAllBytes((Join-Path $Dir 'merchant.pfx'), $MerchantCertificate.Export('Pfx', $PfxPassword))
    [IO.File]::WriteAllBytes((Join-Path $Dir 'merchant.cer'), $MerchantCertificate.Export('Cert'))
    $merchants = Join-Path $Dir 'merchants.json'
    ConvertTo-Json -Depth 4 @(
        @{ merchantNo = $SandboxMerchant; secret = $SandboxSecretText; balances = @{ USD = '1000000.00'; EUR = '500000.00' } }
        @{ merchantNo = '800300'; rsaPublicKey = [Convert]::ToBase64String($MerchantCertificate.PublicKey.ExportSubjectPublicKeyInfo()); balances = @{ USD = '1000.00' } }
    ) | Set-Content $merchants
    $script:Sandbox = Start-TestSandbox @('--merchants', $merchants)

    $script:FileNumber = 0
    # A new 3-row batch file of its own (its RequestIds name it), so every test judges only its own payouts.
    function New-BatchFile {
        $script:FileNumber++
        $file = Join-Path $Dir "payroll-$FileNumber.csv"
        $rows = 1..3 | ForEach-Object { "APR-$FileNumber-$_,Anna,Müller,DE89370400440532013000,DE,Berlin,Unter den Linden 1,1$_.00,USD,EUR,PersonalRemittance" }
        (@('RequestId,FirstName,LastName,AccountNumber,Country,City,AddressLine1,SendAmount,SourceCurrency,TargetCurrency,Purpose') + $rows) -join "`n" | Set-Content $file -NoNewline
        $file
    }
    function Approve([string] $File, [string] $Who, [hashtable] $Extra = @{}) {
        Approve-PayoutBatch -Path $File -CertificatePath (Join-Path $Dir "$Who.pfx") -Password $Password -Force @Extra
    }
    # The scheduled task's run: two distinct trusted approvers required.
    function Invoke-ApprovedRun([string] $File) {
        $errors = @()
        $summary = $null
        try { $out = @(New-Payout -Path $File -RequireApproval 2 -Approver $Trusted -Journal "$File.journal" -Force -SummaryVariable summary -InformationAction Ignore -ErrorAction Stop) }
        catch { $errors = @($_) }
        [pscustomobject]@{ Output = $out; Summary = $summary; Errors = $errors }
    }
    # The scheduled task's run refused: exit 3, the reason named, nothing sent, no journal.
    function Assert-Refused([string] $File, [string] $Says) {
        $run = Invoke-ApprovedRun $File
        $run.Summary.ExitCode | Should -Be 3
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'PayoutPS.NotApproved*'
        $run.Errors[0].Exception.Message | Should -BeLike "*$Says*"
        $run.Errors[0].Exception.Message | Should -Match 'Nothing was sent'
        Get-PaidIds $File | Should -BeNullOrEmpty
        "$File.journal" | Should -Not -Exist
    }
    function Get-PaidIds([string] $File) {
        $prefix = 'APR-' + [IO.Path]::GetFileNameWithoutExtension($File).Split('-')[1] + '-'
        @((Get-SandboxState $Sandbox).payouts | Where-Object { $_.requestId.StartsWith($prefix) } | ForEach-Object requestId)
    }
}

AfterAll {
    Disconnect-PayoutEnvironment
    Stop-TestSandbox $Sandbox
}

Describe 'New-Payout -RequireApproval' {
    BeforeEach { $null = Connect-TestSandbox $Sandbox }

    It 'pays every row once after two trusted approvers, records them, and a rerun of its journal needs no new approval' {
        $file = New-BatchFile
        $alice = Approve $file Alice @{ Comment = "December payroll`nticket FIN-1" }
        $bob = Approve $file Bob
        ($alice.Line, $bob.Line, $alice.IsValid, $alice.Rows) | Should -Be @(1, 2, $true, 3)
        $alice.Totals | Should -Be 'USD 36.00 sent in 3'

        $run = Invoke-ApprovedRun $file
        $run.Summary.ExitCode | Should -Be 0 -Because ($run.Errors -join "`n")
        (Get-PaidIds $file | Sort-Object) | Should -Be @("APR-$FileNumber-1", "APR-$FileNumber-2", "APR-$FileNumber-3")

        $report = Get-PayoutBatch -Journal "$file.journal" -Report (Join-Path $Dir 'approved.html')
        (Get-Content -Raw $report.Page) | Should -Match 'Approved by.*CN=Alice Approver \([0-9A-F]{40}\), signed .*CN=Bob Approver'

        Remove-Item "$file.approvals"   # expired, lost: the batch started approved, and keeps that approval
        $rerun = Invoke-ApprovedRun $file
        $rerun.Summary.ExitCode | Should -Be 0 -Because ($rerun.Errors -join "`n")
        (Get-PaidIds $file).Count | Should -Be 3
    }

    It 'refuses when <Case>: nothing sent, no journal, exit 3, the reason named' -ForEach @(
        @{ Case = 'one byte of the file changed after approval'; Says = 'the file changed after it was approved'; Spoil = { param($f) (Get-Content -Raw $f).Replace('11.00', '11.01') | Set-Content $f -NoNewline } }
        @{ Case = 'a row was appended after approval'; Says = 'approved other bytes'; Spoil = { param($f) Add-Content $f "`nAPR-X-9,Eve,Extra,DE89370400440532013000,DE,Berlin,Linden 1,999.00,USD,EUR,PersonalRemittance" -NoNewline } }
        @{ Case = 'an approval was edited'; Says = 'line 2 (CN=Bob Approver): its signature does not verify'; Spoil = { param($f) (Get-Content -Raw "$f.approvals").Replace('"comment":""', '"comment":"ok"') | Set-Content "$f.approvals" -NoNewline } }
        @{ Case = 'one approval of the two required is left'; Says = 'needs 2 approval(s) by distinct trusted approvers; 1 valid'; Spoil = { param($f) Get-Content "$f.approvals" -TotalCount 1 | Set-Content "$f.approvals" } }
    ) {
        $file = New-BatchFile
        $null = Approve $file Alice @{ Comment = 'first' }
        $null = Approve $file Bob
        & $Spoil $file

        Assert-Refused $file $Says
    }

    It 'refuses <Case>' -ForEach @(
        @{ Case = 'the same approver twice'; Who = 'Alice', 'Alice'; Says = 'line 2 (CN=Alice Approver): the same approver as line 1, counted once' }
        @{ Case = 'an approver who is not trusted'; Who = 'Alice', 'Mallory'; Says = 'CN=Mallory Outsider (*) is not among the trusted approvers' }
        @{ Case = 'an approval for another merchant'; Who = 'Alice', 'Bob'; Extra = @{ MerchantId = '999999'; Environment = 'Local' }; Says = 'approves payment by merchant 999999 at Local, not 800100 at Local' }
        @{ Case = 'an approval for another environment'; Who = 'Alice', 'Bob'; Extra = @{ MerchantId = '800100'; Environment = 'Sandbox' }; Says = 'approves payment by merchant 800100 at Sandbox, not 800100 at Local' }
    ) {
        $file = New-BatchFile
        $null = Approve $file $Who[0]
        $null = Approve $file $Who[1] $(if ($Extra) { $Extra } else { @{} })

        Assert-Refused $file $Says
    }

    It 'refuses an expired approval' {
        $file = New-BatchFile
        $null = Approve $file Alice
        $null = Approve $file Bob @{ ValidFor = [timespan]::FromSeconds(1) }
        $deadline = (Get-Date).AddSeconds(30)   # wait for the condition, not for a time: the approval's own expiry passing
        while ((Test-PayoutApproval -Path $file | Where-Object Line -eq 2).IsValid -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 200 }

        Assert-Refused $file 'line 2 (CN=Bob Approver): it expired at '
    }

    It 'refuses an approval whose certificate was not valid when it signed' {
        $file = New-BatchFile
        $null = Approve $file Alice
        # Approve-PayoutBatch will not sign with a lapsed certificate; a forged line signed with one, as Core signs.
        $approval = [PayoutPS.Core.Approval.BatchApproval]::Parse((Get-Content "$file.approvals" -TotalCount 1))
        [PayoutPS.Core.Approval.ApprovalSigner]::Sign($approval, [System.Security.Cryptography.X509Certificates.X509Certificate2]::new((Join-Path $Dir 'Lapsed.pfx'), $PfxPassword))
        [PayoutPS.Core.Approval.ApprovalFile]::Append("$file.approvals", $approval)

        Assert-Refused $file 'line 2 (CN=Lapsed Approver): its certificate was not valid when it signed'
        { Approve $file Lapsed } | Should -Throw '*is not valid now*'
    }

    It 'keeps a resumed batch to the bytes it was approved for' {
        $file = New-BatchFile
        $null = Approve $file Alice; $null = Approve $file Bob
        $null = Invoke-ApprovedRun $file
        (Get-Content -Raw $file).Replace('13.00', '13.50') | Set-Content $file -NoNewline
        $null = Approve $file Alice; $null = Approve $file Bob   # even approved again, the journal's batch is the old bytes

        $run = Invoke-ApprovedRun $file
        $run.Summary.ExitCode | Should -Be 3
        $run.Errors[0].Exception.Message | Should -Match 'was started on an approved file with SHA-256 [0-9a-f]{64}; .* is now [0-9a-f]{64}'
        (Get-PaidIds $file).Count | Should -Be 3
    }

    It 'asks for a file, and for -Approver with -RequireApproval' {
        { New-Payout -RequestId X -FirstName A -LastName B -RequireApproval 1 -Approver $Trusted -Force -ErrorAction Stop } | Should -Throw '*give it with -Path*'
        { New-Payout -Path (New-BatchFile) -RequireApproval 1 -Force -ErrorAction Stop } | Should -Throw '*-RequireApproval and -Approver go together*'
    }
}

Describe 'examples/scheduled-task.ps1 with an approval policy' {
    BeforeEach { $null = Connect-TestSandbox $Sandbox }

    It 'exits 3 and pays nothing until two approvers signed the file, then pays it and exits 0' {
        $file = New-BatchFile
        $null = Approve $file Alice
        $saved = $env:PAYOUTPS_MERCHANT_ID, $env:PAYOUTPS_SECRET_KEY
        $env:PAYOUTPS_MERCHANT_ID, $env:PAYOUTPS_SECRET_KEY = $SandboxMerchant, $SandboxSecretText
        try {
            $task = { & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoLogo -NoProfile -NonInteractive -File (Join-Path $RepoRoot 'examples/scheduled-task.ps1') -CsvPath $file -Environment Local -Port $Sandbox.Port -ModulePath $ModulePath -RequireApproval 2 -Approver $Trusted 2>&1 | Out-String }
            $refused = & $task
            $refusedCode = $LASTEXITCODE
            $null = Approve $file Bob
            $paid = & $task
            $paidCode = $LASTEXITCODE
        }
        finally { $env:PAYOUTPS_MERCHANT_ID, $env:PAYOUTPS_SECRET_KEY = $saved }

        $refusedCode | Should -Be 3 -Because $refused
        $refused | Should -Match 'needs 2 approval\(s\) by distinct trusted approvers; 1 valid'
        $paidCode | Should -Be 0 -Because $paid
        (Get-PaidIds $file).Count | Should -Be 3
    }
}

Describe 'Approve-PayoutBatch and Test-PayoutApproval' {
    BeforeEach { $null = Connect-TestSandbox $Sandbox }

    It 'will not approve a file with a row New-Payout would refuse, and writes nothing' {
        $file = New-BatchFile
        (Get-Content -Raw $file).Replace('12.00', '12.005') | Set-Content $file -NoNewline
        { Approve $file Alice } | Should -Throw '*cannot be approved: 1 of its 3 row(s) would be refused. Row 2 (CSV line 3), RequestId APR-*-2: *SendAmount*'
        "$file.approvals" | Should -Not -Exist
    }

    It 'shows what it would approve under -WhatIf (hash, rows, totals, estimated debit, merchant, environment) and writes nothing' {
        $file = New-BatchFile
        # -WhatIf writes to the host, so a fresh pwsh shows it on its output.
        $shown = (Invoke-FreshPwsh @"
Import-Module '$ModulePath'
`$null = Connect-PayoutEnvironment Local -Port $($Sandbox.Port) -MerchantId $SandboxMerchant -SecretKey (ConvertTo-SecureString '$SandboxSecretText' -AsPlainText -Force)
Approve-PayoutBatch -Path '$file' -CertificatePath '$(Join-Path $Dir 'Alice.pfx')' -Password (ConvertTo-SecureString '$PfxPassword' -AsPlainText -Force) -WhatIf
"@).Output -replace '\s+', ' '
        $hash = (Get-FileHash $file -Algorithm SHA256).Hash.ToLowerInvariant()
        $shown | Should -Match "SHA-256 $hash\): 3 row\(s\), USD 36\.00 sent in 3; estimated debit USD 36\.00 \(available [\d,.]+\); paid by merchant 800100 at Local"
        $shown | Should -Match 'Approve for payment until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ as CN=Alice Approver'
        "$file.approvals" | Should -Not -Exist
    }

    It 'lists who approved, when and until when, judged as New-Payout would, without sending' {
        $file = New-BatchFile
        $null = Approve $file Alice @{ ValidFor = [timespan]::FromDays(2) }
        $null = Approve $file Mallory
        $listed = @(Test-PayoutApproval -Path $file -RequireApproval 2 -Approver $Trusted -WarningVariable warned -WarningAction SilentlyContinue)
        $listed.Approver | Should -Be @('CN=Alice Approver', 'CN=Mallory Outsider')
        $listed.IsValid | Should -Be @($true, $false)
        ($listed[0].Expires - $listed[0].Signed) | Should -Be ([timespan]::FromDays(2))
        $listed[0].Signed.Kind | Should -Be 'Utc'
        ($warned -join ' ') | Should -Match 'needs 2 approval\(s\).*1 valid'
        Test-PayoutApproval -Path $file -RequireApproval 1 -Approver $Trusted -Quiet | Should -BeTrue
        Test-PayoutApproval -Path $file -RequireApproval 2 -Approver $Trusted -Quiet | Should -BeFalse
        Get-PaidIds $file | Should -BeNullOrEmpty
    }

    It 'writes an approval a third party verifies with openssl from the documented canonical text' {
        $file = New-BatchFile
        $null = Approve $file Alice @{ Comment = "line one`nline two \ end" }
        $line = Get-Content "$file.approvals" -TotalCount 1 | ConvertFrom-Json -DateKind String
        # The README's canonical form, built here from the JSON fields, not by the module.
        $escape = { param($t) $t.Replace('\', '\\').Replace("`r", '\r').Replace("`n", '\n') }
        $canonical = "PayoutPS batch approval 1`nfile: $(& $escape $line.file)`nsha256: $($line.sha256)`nrows: $($line.rows)`ntotals: $(& $escape $line.totals)`n" +
            "merchant: $($line.merchant)`nenvironment: $($line.environment)`napprover: $(& $escape $line.approver)`nthumbprint: $($line.thumbprint)`n" +
            "signed: $($line.signed)`nexpires: $($line.expires)`ncomment: $(& $escape $line.comment)`n"
        [IO.File]::WriteAllText("$TestDrive/canonical.txt", $canonical, [Text.UTF8Encoding]::new($false))
        [IO.File]::WriteAllBytes("$TestDrive/signature.bin", [Convert]::FromBase64String($line.signature))
        [IO.File]::WriteAllBytes("$TestDrive/approver.der", [Convert]::FromBase64String($line.certificate))
        & openssl x509 -inform DER -in "$TestDrive/approver.der" -pubkey -noout -out "$TestDrive/approver.pub"
        $verified = & openssl dgst -sha256 -verify "$TestDrive/approver.pub" -signature "$TestDrive/signature.bin" "$TestDrive/canonical.txt" 2>&1
        $verified | Should -Be 'Verified OK'
        $line.sha256 | Should -Be (Get-FileHash $file -Algorithm SHA256).Hash.ToLowerInvariant()
    }

    It 'keeps private key material and the .pfx password out of every output, approval and journal' {
        $file = New-BatchFile
        $written = (Approve $file Alice -Verbose 4>&1 | Out-String) + (Approve $file Bob | Format-List * | Out-String)
        $null = Invoke-ApprovedRun $file
        $all = $written + (Get-Content -Raw "$file.approvals") + (Get-Content -Raw "$file.journal") + (Test-PayoutApproval -Path $file | Format-List * | Out-String)
        $all | Should -Not -Match ([regex]::Escape($PfxPassword))
        $all | Should -Not -Match 'PRIVATE KEY'
        $alicePrivate = [Convert]::ToBase64String([System.Security.Cryptography.X509Certificates.RSACertificateExtensions]::GetRSAPrivateKey($Certificates.Alice).ExportPkcs8PrivateKey())
        $all | Should -Not -Match ([regex]::Escape($alicePrivate.Substring(40, 40)))
    }
}

Describe 'Connect-PayoutEnvironment -CertificateThumbprint' {
    # In a fresh pwsh with a HOME of its own, so the certificate store it fills is a temporary one.
    BeforeAll {
        $script:StoreHome = Join-Path $TestDrive 'store-home'
        $null = New-Item -ItemType Directory $StoreHome
        function Invoke-StorePwsh([string] $Script) {
            $saved = $env:HOME
            $env:HOME = $StoreHome
            try {
                Invoke-FreshPwsh @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModulePath'
function Add-ToStore([string] `$Path, [string] `$Password) {
    `$flags = [System.Security.Cryptography.X509Certificates.X509KeyStorageFlags]'PersistKeySet, Exportable'
    `$certificate = if (`$Password) { [System.Security.Cryptography.X509Certificates.X509Certificate2]::new(`$Path, `$Password, `$flags) } else { [System.Security.Cryptography.X509Certificates.X509Certificate2]::new(`$Path) }
    `$store = [System.Security.Cryptography.X509Certificates.X509Store]::new('My', 'CurrentUser'); `$store.Open('ReadWrite'); `$store.Add(`$certificate); `$store.Close()
    `$certificate.Thumbprint
}
$Script
"@
            }
            finally { $env:HOME = $saved }
        }
    }

    It 'signs with the RSA key of a certificate in the store, and the sandbox accepts the payout' {
        $run = Invoke-StorePwsh @"
`$thumbprint = Add-ToStore '$Dir/merchant.pfx' '$PfxPassword'
`$context = Connect-PayoutEnvironment Local -Port $($Sandbox.Port) -MerchantId 800300 -CertificateThumbprint `$thumbprint
'source=' + `$context.KeySource
`$payout = New-Payout -RequestId STORE-1 -FirstName Anna -LastName Müller -AccountNumber DE89370400440532013000 -Country DE -City Berlin -AddressLine1 'Linden 1' -SendAmount 5.00 -SourceCurrency USD -TargetCurrency EUR -Purpose PersonalRemittance -Force
'payout=' + `$payout.PayoutId
"@
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match 'source=certificate CN=Merchant 800300 \([0-9A-F]{40}\) in CurrentUser\\My'
        $paid = @((Get-SandboxState $Sandbox).payouts | Where-Object requestId -eq 'STORE-1')
        $paid.Count | Should -Be 1
        $paid[0].merchantNo | Should -Be '800300'
        $run.Output | Should -Match "payout=$($paid[0].payoutId)"
    }

    It 'approves a file with a certificate from the store by thumbprint, its key staying there' {
        $file = New-BatchFile
        $run = Invoke-StorePwsh @"
`$thumbprint = Add-ToStore '$Dir/Alice.pfx' '$PfxPassword'
`$approval = Approve-PayoutBatch -Path '$file' -CertificateThumbprint `$thumbprint -MerchantId $SandboxMerchant -Environment Local -Force
'approver=' + `$approval.Approver
"@
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match 'approver=CN=Alice Approver'
        $null = Connect-TestSandbox $Sandbox
        Test-PayoutApproval -Path $file -RequireApproval 1 -Approver $Trusted -Quiet | Should -BeTrue
    }

    It 'names <Case>' -ForEach @(
        @{ Case = 'a thumbprint not in the store'; Setup = "'0123456789ABCDEF0123456789ABCDEF01234567'"; Says = 'No certificate with thumbprint 0123456789ABCDEF0123456789ABCDEF01234567 in CurrentUser\My' }
        @{ Case = 'a certificate without its private key'; Setup = 'public'; Says = 'has no private key in this store' }
        @{ Case = 'a certificate that is not RSA'; Setup = 'ecdsa'; Says = 'has no RSA key' }
    ) {
        $setup = if ($Setup -eq 'public') { "Add-ToStore '$Trusted/Bob.cer' ''" } elseif ($Setup -eq 'ecdsa') {
            $ec = New-TestCertificate 'Curve Key' -Ecdsa
            [IO.File]::WriteAllBytes("$TestDrive/ec.pfx", $ec.Export('Pfx', $PfxPassword))
            "Add-ToStore '$TestDrive/ec.pfx' '$PfxPassword'"
        } else { $Setup }
        $run = Invoke-StorePwsh @"
`$thumbprint = $setup
try { Connect-PayoutEnvironment Local -Port $($Sandbox.Port) -MerchantId 800300 -CertificateThumbprint `$thumbprint; 'connected' } catch { 'error=' + `$_.Exception.Message }
"@
        $run.Output | Should -Not -Match 'connected'
        $run.Output | Should -BeLike "*$Says*"
    }
}
