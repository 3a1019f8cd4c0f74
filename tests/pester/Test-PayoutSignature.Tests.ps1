BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:SecureSecret = ConvertTo-TestSecureString '00112233445566778899aabbccddeeff'
    New-TestRsaKeys "$TestDrive/keys"
    $script:Body = Protect-PayoutRequest ([ordered]@{ merchantNo = '800209'; payoutStatus = 'S'; requestId = 'R-9' }) -SecretKey $SecureSecret -AsJson
}

Describe 'Test-PayoutSignature' {
    It 'accepts a body signed with the same secret' {
        $result = Test-PayoutSignature -Body $Body -SecretKey $SecureSecret
        $result.IsValid | Should -BeTrue
        $result.Status | Should -Be 'Valid'
    }

    It 'says Mismatch when a value was changed' {
        $result = $Body.Replace('"S"', '"F"') | Test-PayoutSignature -SecretKey $SecureSecret
        $result.IsValid | Should -BeFalse
        $result.Status | Should -Be 'Mismatch'
        $result.Reason | Should -Match 'does not match'
    }

    It 'says MissingSign for a body without sign' {
        (Test-PayoutSignature '{"merchantNo":"800209"}' -SecretKey $SecureSecret).Status | Should -Be 'MissingSign'
    }

    It 'says WrongScheme when an RSA key checks a SHA-256 sign' {
        (Test-PayoutSignature $Body -KeyPath "$TestDrive/keys/public.pem").Status | Should -Be 'WrongScheme'
    }

    It 'verifies an RSA-signed body with the public key, and -Quiet returns a boolean' {
        $rsaBody = Protect-PayoutRequest @{ merchantNo = '800209'; requestId = 'R-1' } -KeyPath "$TestDrive/keys/pkcs1.pem" -AsJson
        Test-PayoutSignature $rsaBody -KeyPath "$TestDrive/keys/public.pem" -Quiet | Should -BeTrue
        Test-PayoutSignature $rsaBody.Replace('R-1', 'R-2') -KeyPath "$TestDrive/keys/public.pem" -Quiet | Should -BeFalse
    }

    It 'honours -ExcludeField the same way as the signer' {
        $signed = Protect-PayoutRequest @{ a = '1'; note = 'free text' } -SecretKey $SecureSecret -ExcludeField note -AsJson
        Test-PayoutSignature $signed.Replace('free text', 'edited') -SecretKey $SecureSecret -ExcludeField note -Quiet | Should -BeTrue
    }
}
