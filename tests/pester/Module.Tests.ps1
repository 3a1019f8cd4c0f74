BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
}

Describe 'PayoutPS module' {
    It 'exports its cmdlets by name, with no wildcard in the manifest' {
        $manifest = Get-Content -Raw $ModulePath
        $manifest | Should -Not -Match "CmdletsToExport\s*=\s*'\*'"
        $commands = (Get-Command -Module PayoutPS).Name
        $commands | Should -Contain 'Protect-PayoutRequest'
        $commands | Should -Contain 'Test-PayoutSignature'
    }

    It 'imports in a fresh pwsh with no warning or error' {
        $run = Invoke-FreshPwsh "Import-Module '$ModulePath' -WarningVariable w -ErrorAction Stop; if (`$w) { 'WARNED' }; 'LOADED'"
        $run.ExitCode | Should -Be 0
        $run.Output.Trim() | Should -Be 'LOADED'
    }

    It 'loads BouncyCastle only once an RSA key is used' {
        $script = @"
Import-Module '$ModulePath'
`$s = [securestring]::new(); '0123456789abcdef0123456789abcdef'.ToCharArray() | % { `$s.AppendChar(`$_) }
`$null = Protect-PayoutRequest @{ a = '1' } -SecretKey `$s
'after-secret=' + [bool]([AppDomain]::CurrentDomain.GetAssemblies() | ? { `$_.GetName().Name -eq 'BouncyCastle.Cryptography' })
`$null = Protect-PayoutRequest @{ a = '1' } -KeyPath '$TestDrive/keys/pkcs8.pem'
'after-rsa=' + [bool]([AppDomain]::CurrentDomain.GetAssemblies() | ? { `$_.GetName().Name -eq 'BouncyCastle.Cryptography' })
"@
        New-TestRsaKeys "$TestDrive/keys"
        $run = Invoke-FreshPwsh $script
        $run.Output | Should -Match 'after-secret=False'
        $run.Output | Should -Match 'after-rsa=True'
    }

    It 'has a manifest version that matches the built assembly' {
        $manifest = Test-ModuleManifest $ModulePath
        $assembly = [PayoutPS.Commands.ProtectPayoutRequestCommand].Assembly.GetName().Version
        '{0}.{1}.{2}' -f $assembly.Major, $assembly.Minor, $assembly.Build | Should -Be $manifest.Version.ToString()
    }
}
