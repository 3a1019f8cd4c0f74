BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:Secret = '3b5e10b65bff4172a5b9ca2d2ec00a6e'
    $script:SecureSecret = ConvertTo-TestSecureString $Secret
    New-TestRsaKeys "$TestDrive/keys"
}

Describe 'Protect-PayoutRequest' {
    Context 'with -SecretKey' {
        It 'signs the official vector the same from a hashtable, an ordered dictionary, a PSCustomObject and JSON' {
            $fields = [ordered]@{ test1 = '0'; test2 = 'test2value'; test3 = 'test3value'; test4 = 'test4value'; test5 = ''; test6 = $null }
            $inputs = @(
                @{} + $fields
                $fields
                [pscustomobject]$fields
                ($fields | ConvertTo-Json -Compress)
            )
            foreach ($request in $inputs) {
                $signed = Protect-PayoutRequest -InputObject $request -SecretKey $SecureSecret -ExcludeField test2
                $signed.Sign | Should -Be '836831ae68fce5e61d4a64363bb72c636efe6e94b62ecaa8d1c95fc58cc9cbed'
                $signed.CanonicalString | Should -Be '0test3valuetest4value'
                $signed.Algorithm | Should -Be 'SHA256'
            }
        }

        It 'takes requests from the pipeline and emits one result each' {
            $results = @(@{ a = '1' }, @{ a = '2' }) | Protect-PayoutRequest -SecretKey $SecureSecret
            $results.Count | Should -Be 2
            $results[0].Sign | Should -Not -Be $results[1].Sign
        }

        It '-AsJson emits the body with every value as a string and sign last' {
            $body = Protect-PayoutRequest ([ordered]@{ size = 20; sourceAmount = [decimal]::Parse('100.50', [cultureinfo]::InvariantCulture); merchantNo = '800209' }) -SecretKey $SecureSecret -AsJson
            $body | Should -BeOfType [string]
            $body | Should -Match '^\{"size":"20","sourceAmount":"100.50","merchantNo":"800209","sign":"[0-9a-f]{64}"\}$'
        }

        It 'serializes a nested payee once and signs that exact text' {
            $request = [ordered]@{ merchantNo = '800209'; receiverInfo = [ordered]@{ firstName = '李'; lastName = '小龙' } }
            $signed = Protect-PayoutRequest $request -SecretKey $SecureSecret
            $sent = ($signed.Body | ConvertFrom-Json).receiverInfo
            $sent | Should -Be '{"firstName":"李","lastName":"小龙"}'
            $signed.CanonicalString | Should -Be ('800209' + $sent)
        }

        It 'refuses a floating-point amount, naming the field, and continues with the next item' {
            $results = @(@{ sourceAmount = 1.5 }, @{ sourceAmount = '1.50' }) | Protect-PayoutRequest -SecretKey $SecureSecret -ErrorVariable errs -ErrorAction SilentlyContinue
            @($results).Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'PayoutPS.InvalidRequest*'
            $errs[0].Exception.Message | Should -Match 'sourceAmount'
        }

        It 'keeps the refused body (account number included) out of the error record' {
            @{ sourceAmount = 1.5; cardNumber = 'DE89370400440532013000' } | Protect-PayoutRequest -SecretKey $SecureSecret -ErrorVariable errs -ErrorAction SilentlyContinue
            '{"cardNumber":"DE89370400440532013000",' | Test-PayoutSignature -SecretKey $SecureSecret -ErrorVariable errs2 -ErrorAction SilentlyContinue
            @($errs).Count + @($errs2).Count | Should -Be 2
            foreach ($err in @($errs) + @($errs2)) {
                $err.TargetObject | Should -BeNullOrEmpty
                $err | Format-List * -Force | Out-String | Should -Not -Match 'DE89370400440532013000'
            }
        }

        It 'refuses JSON that is not an object' {
            Protect-PayoutRequest '[1,2]' -SecretKey $SecureSecret -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].Exception.Message | Should -Match 'JSON object'
        }

        It 'never shows the secret in output, verbose text or errors' {
            $all = Protect-PayoutRequest @{ a = '1' } -SecretKey $SecureSecret -Verbose 4>&1 | Out-String
            $all += Protect-PayoutRequest @{ a = '1' } -SecretKey $SecureSecret | Format-List * | Out-String
            $all += Protect-PayoutRequest @{ a = '1' } -SecretKey $SecureSecret | ConvertTo-Json | Out-String
            $all | Should -Not -Match $Secret
        }
    }

    Context 'with -Credential' {
        It 'takes the merchant number from the user name' {
            $credential = [pscredential]::new('800209', $SecureSecret)
            $signed = Protect-PayoutRequest @{ requestId = 'R1' } -Credential $credential
            $signed.MerchantNo | Should -Be '800209'
            ($signed.Body | ConvertFrom-Json).merchantNo | Should -Be '800209'
        }

        It 'keeps a merchantNo the request already has' {
            $credential = [pscredential]::new('800209', $SecureSecret)
            (Protect-PayoutRequest @{ merchantNo = '123456' } -Credential $credential).MerchantNo | Should -Be '123456'
        }
    }

    Context 'with -KeyPath' {
        It 'signs with SHA256withRSA from <Name>, verifiable by openssl' -ForEach @(
            @{ Name = 'PKCS#8 PEM'; File = 'pkcs8.pem'; Pass = $null }
            @{ Name = 'PKCS#1 PEM'; File = 'pkcs1.pem'; Pass = $null }
            @{ Name = 'encrypted PKCS#8'; File = 'encrypted.pem'; Pass = 's3cret pass' }
            @{ Name = 'bare base64 PKCS#8'; File = 'pkcs8.b64'; Pass = $null }
        ) {
            $parameters = @{ KeyPath = "$TestDrive/keys/$File" }
            if ($Pass) { $parameters.KeyPassphrase = ConvertTo-TestSecureString $Pass }
            $signed = Protect-PayoutRequest @{ merchantNo = '800209'; requestId = 'R-1' } @parameters
            $signed.Algorithm | Should -Be 'SHA256withRSA'

            [IO.File]::WriteAllText("$TestDrive/data.txt", $signed.CanonicalString)
            [IO.File]::WriteAllBytes("$TestDrive/sig.bin", [Convert]::FromBase64String($signed.Sign))
            & openssl dgst -sha256 -verify "$TestDrive/keys/public.pem" -signature "$TestDrive/sig.bin" "$TestDrive/data.txt" | Out-Null
            $LASTEXITCODE | Should -Be 0
        }

        It 'fails with a clear terminating error for <Name>' -ForEach @(
            @{ Name = 'an EC key'; File = 'ec.pem'; Pass = $null; Expected = 'EC key' }
            @{ Name = 'a wrong passphrase'; File = 'encrypted.pem'; Pass = 'nope'; Expected = 'passphrase does not decrypt' }
            @{ Name = 'a missing passphrase'; File = 'encrypted.pem'; Pass = $null; Expected = '-KeyPassphrase' }
            @{ Name = 'a public key'; File = 'public.pem'; Pass = $null; Expected = 'needs the private key' }
            @{ Name = 'an empty file'; File = 'empty.pem'; Pass = $null; Expected = 'is empty' }
            @{ Name = 'a missing file'; File = 'nothing.pem'; Pass = $null; Expected = 'does not exist' }
        ) {
            $parameters = @{ KeyPath = "$TestDrive/keys/$File" }
            if ($Pass) { $parameters.KeyPassphrase = ConvertTo-TestSecureString $Pass }
            $failure = { Protect-PayoutRequest @{ a = '1' } @parameters } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -BeLike 'PayoutPS.InvalidKey*'
            $failure.Exception.Message | Should -Match ([regex]::Escape($Expected))
            $failure.Exception.Message | Should -Not -Match 'at Org\.BouncyCastle'
        }

        It 'reports a truncated base64 key without echoing it' {
            $text = (Get-Content -Raw "$TestDrive/keys/pkcs8.b64").Substring(0, 300)
            Set-Content "$TestDrive/keys/truncated.b64" $text
            $failure = { Protect-PayoutRequest @{ a = '1' } -KeyPath "$TestDrive/keys/truncated.b64" } | Should -Throw -PassThru
            $failure.Exception.Message | Should -Match 'truncated'
            $failure.Exception.Message | Should -Not -Match ([regex]::Escape($text.Substring(50, 40)))
        }

        It 'reports a short secret with what was expected' {
            $short = ConvertTo-TestSecureString 'abc123'
            $failure = { Protect-PayoutRequest @{ a = '1' } -SecretKey $short -Scheme Sha256 } | Should -Throw -PassThru
            $failure.Exception.Message | Should -Match '32 or 64 hexadecimal'
        }
    }

    Context 'splatting into Invoke-RestMethod' {
        It 'offers RestParameters with Uri, Method, ContentType and Body' {
            $signed = Protect-PayoutRequest @{ a = '1' } -SecretKey $SecureSecret -Uri 'http://127.0.0.1:9/payout/api/v1/acct/queryAcctCurrency'
            $p = $signed.RestParameters
            $p.Method | Should -Be 'Post'
            $p.ContentType | Should -Be 'application/json; charset=utf-8'
            $p.Body | Should -Be $signed.Body
            $p.Uri | Should -Be 'http://127.0.0.1:9/payout/api/v1/acct/queryAcctCurrency'
        }
    }

    Context 'parameters' {
        It 'takes no key material as a plain string' {
            $command = Get-Command Protect-PayoutRequest
            foreach ($name in 'SecretKey', 'KeyPassphrase') {
                $command.Parameters[$name].ParameterType | Should -Be ([securestring])
            }
            $command.Parameters['Credential'].ParameterType | Should -Be ([pscredential])
        }
    }
}
