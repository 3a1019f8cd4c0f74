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

    # The shape issue 27 asked for: the cmdlet stays binding, ShouldProcess and one call into Core, and a long file
    # in Core says at its top why it is one file.
    It 'keeps New-Payout thin (its own files under 300 lines, parameters aside) and Core files short or explained' {
        $own = Get-ChildItem "$RepoRoot/src/PayoutPS/Commands/NewPayoutCommand*.cs" | Where-Object Name -NE 'NewPayoutCommand.Parameters.cs'
        $own.Count | Should -BeGreaterThan 0
        ($own | ForEach-Object { (Get-Content $_.FullName).Count } | Measure-Object -Sum).Sum | Should -BeLessOrEqual 300

        $unexplained = Get-ChildItem "$RepoRoot/src/PayoutPS.Core" -Recurse -Filter *.cs |
            Where-Object { $_.FullName -notmatch '[\\/]obj[\\/]' -and (Get-Content $_.FullName).Count -gt 300 } |
            Where-Object { -not ((Get-Content $_.FullName -TotalCount 30) -match 'Over 300 lines on purpose') } |
            ForEach-Object Name
        $unexplained | Should -BeNullOrEmpty
    }
}
