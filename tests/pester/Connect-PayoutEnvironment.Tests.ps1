BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    $script:Sandbox = Start-TestSandbox
}

AfterAll {
    Disconnect-PayoutEnvironment
    Stop-TestSandbox $Sandbox
}

Describe 'Connect-PayoutEnvironment' {
    AfterEach { Disconnect-PayoutEnvironment }

    It 'connects with -SecretKey, validates, and returns a context without the key' {
        $context = Connect-TestSandbox $Sandbox
        $context.Environment | Should -Be 'Local'
        $context.MerchantId | Should -Be '800100'
        $context.Algorithm | Should -Be 'SHA256'
        $context.Validated | Should -BeTrue
        $context.KeySource | Should -Be 'SecretKey'
        ($context | Format-List * | Out-String) + ($context | ConvertTo-Json -Depth 3) | Should -Not -Match $SandboxSecretText
        (Get-PayoutEnvironment).MerchantId | Should -Be '800100'
    }

    It 'takes the merchant number from -Credential' {
        $credential = [pscredential]::new('800100', (ConvertTo-TestSecureString $SandboxSecretText))
        (Connect-PayoutEnvironment Local -Port $Sandbox.Port -Credential $credential).MerchantId | Should -Be '800100'
    }

    It 'reads the key from a file with -KeyPath' {
        Set-Content "$TestDrive/secret.txt" $SandboxSecretText
        (Connect-PayoutEnvironment Local -Port $Sandbox.Port -MerchantId 800100 -KeyPath "$TestDrive/secret.txt").KeySource | Should -Match 'KeyPath'
    }

    It 'falls back to environment variables for unattended runs, trimmed as setx and files leave them' {
        $env:PAYOUTPS_MERCHANT_ID = '800100 '
        $env:PAYOUTPS_SECRET_KEY = "$SandboxSecretText`n"
        try {
            $context = Connect-PayoutEnvironment Local -Port $Sandbox.Port
            $context.KeySource | Should -Be '$PAYOUTPS_SECRET_KEY'
            $context.MerchantId | Should -Be '800100'
        }
        finally {
            Remove-Item Env:PAYOUTPS_MERCHANT_ID, Env:PAYOUTPS_SECRET_KEY
        }
    }

    It 'refuses a -BaseUri that is not a web address with a sentence, and a short secret as a secret' {
        { Connect-PayoutEnvironment -BaseUri ftp://example.com/payout -MerchantId 800100 -SecretKey (ConvertTo-TestSecureString $SandboxSecretText) } |
            Should -Throw -ExpectedMessage "*-BaseUri 'ftp://example.com/payout' is not a web address*https://*"
        { Connect-PayoutEnvironment Local -Port $Sandbox.Port -MerchantId 800100 -SecretKey (ConvertTo-TestSecureString 'abcde') } |
            Should -Throw -ExpectedMessage '*looks like a hex secret but has 5 characters*'
    }

    It 'refuses a relative $PAYOUTPS_KEY_PATH, which a scheduled task would resolve against System32' {
        $env:PAYOUTPS_MERCHANT_ID = '800100'
        $env:PAYOUTPS_KEY_PATH = 'keys/merchant.pem'
        try {
            { Connect-PayoutEnvironment Local -Port $Sandbox.Port } | Should -Throw -ExpectedMessage "*relative path 'keys/merchant.pem'. Give the full path*"
        }
        finally {
            Remove-Item Env:PAYOUTPS_MERCHANT_ID, Env:PAYOUTPS_KEY_PATH
        }
    }

    It 'fails at connect, not at the first payout, when the key is wrong' {
        $wrong = ConvertTo-TestSecureString '00000000000000000000000000000000'
        $failure = { Connect-PayoutEnvironment Local -Port $Sandbox.Port -MerchantId 800100 -SecretKey $wrong } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'PayoutPS.Api.Authentication*'
        $failure.Exception.Message | Should -Match 'rejected the signature'
        $failure.Exception.RespCode | Should -Be '13002'
        Get-PayoutEnvironment | Should -BeNullOrEmpty
    }

    It 'fails at connect for an unknown merchant' {
        $failure = { Connect-PayoutEnvironment Local -Port $Sandbox.Port -MerchantId 999999 -SecretKey (ConvertTo-TestSecureString $SandboxSecretText) } | Should -Throw -PassThru
        $failure.Exception.RespCode | Should -Be '12004'
    }

    It '-SkipValidation connects without calling the service' {
        $wrong = ConvertTo-TestSecureString '00000000000000000000000000000000'
        (Connect-PayoutEnvironment Local -Port $Sandbox.Port -MerchantId 800100 -SecretKey $wrong -SkipValidation).Validated | Should -BeFalse
    }

    It 'explains a missing key or merchant number' {
        { Connect-PayoutEnvironment Local -Port $Sandbox.Port -MerchantId 800100 } | Should -Throw '*No key*PAYOUTPS_SECRET_KEY*'
        { Connect-PayoutEnvironment Local -Port $Sandbox.Port -SecretKey (ConvertTo-TestSecureString $SandboxSecretText) } | Should -Throw '*No merchant number*'
        { Connect-PayoutEnvironment Local -MerchantId 1 -SecretKey (ConvertTo-TestSecureString $SandboxSecretText) } | Should -Throw '*needs -Port*'
    }

    It 'shares a context with Start-ThreadJob and ForEach-Object -Parallel, and says why Start-Job cannot' {
        $context = Connect-TestSandbox $Sandbox
        $threadJob = Start-ThreadJob -ArgumentList $context, $ModulePath { param($c, $m) Import-Module $m; (Get-PayoutBalance USD -Context $c).Currency }
        $threadJob | Wait-Job -Timeout 30 | Receive-Job | Should -Be 'USD'
        $parallel = 1..2 | ForEach-Object -Parallel { Import-Module $using:ModulePath; (Get-PayoutBalance USD -Context $using:context).Currency }
        $parallel | Should -Be @('USD', 'USD')

        $job = Start-Job -ArgumentList $context, $ModulePath { param($c, $m) Import-Module $m; Get-PayoutBalance -Context $c }
        $null = $job | Wait-Job -Timeout 60
        $failure = $null
        try { $job | Receive-Job -ErrorAction Stop } catch { $failure = $_ }
        $job | Remove-Job -Force
        "$failure" | Should -Match 'copy that crossed into another process.*Start-ThreadJob or ForEach-Object -Parallel'
    }

    It 'keeps the context per runspace; -Context passes it explicitly' {
        $context = Connect-TestSandbox $Sandbox
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$ModulePath'; [bool](Get-PayoutEnvironment); (Protect-PayoutRequest @{ a = '1' } -Context `$args[0]).MerchantNo").AddArgument($context)
            $result = $ps.Invoke()
            $result[0] | Should -BeFalse
            $result[1] | Should -Be '800100'
        }
        finally { $ps.Dispose() }
    }

    It 'lets Protect-PayoutRequest sign with the connected key' {
        $null = Connect-TestSandbox $Sandbox
        $request = Protect-PayoutRequest @{ a = '1' } -Uri "$($Sandbox.BaseUri)/api/v1/acct/queryAcctCurrency"
        $request.MerchantNo | Should -Be '800100'
        $p = $request.RestParameters
        (Invoke-RestMethod @p).respCode | Should -Be '20000'
    }
}

Describe 'Production guard' {
    It 'refuses Production in a non-interactive session without -Force, and -WhatIf connects nothing' {
        $script = @"
Import-Module '$ModulePath'
`$s = [securestring]::new(); '$SandboxSecretText'.ToCharArray() | % { `$s.AppendChar(`$_) }
try { Connect-PayoutEnvironment Production -MerchantId 800100 -SecretKey `$s -SkipValidation -ErrorAction Stop | Out-Null; 'CONNECTED' } catch { 'REFUSED ' + `$_.FullyQualifiedErrorId }
Connect-PayoutEnvironment Production -MerchantId 800100 -SecretKey `$s -SkipValidation -Force -WhatIf | Out-Null
'after-whatif=' + [bool](Get-PayoutEnvironment)
(Connect-PayoutEnvironment Production -MerchantId 800100 -SecretKey `$s -SkipValidation -Force).BaseUri.AbsoluteUri
"@
        $run = Invoke-FreshPwsh $script
        $run.Output | Should -Match 'REFUSED PayoutPS.ConfirmationRequired'
        $run.Output | Should -Not -Match 'CONNECTED'
        $run.Output | Should -Match 'after-whatif=False'
        $run.Output | Should -Match 'https://api.onerway.com/payout'
    }

    It 'cannot reach Production by a default: -Environment is mandatory' {
        (Get-Command Connect-PayoutEnvironment).Parameters['Environment'].Attributes.Mandatory | Should -Contain $true
    }
}
