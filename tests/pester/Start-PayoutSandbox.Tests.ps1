BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
}

Describe 'Start-PayoutSandbox.ps1' {
    It 'starts when the temp folder has a space in its path (as %TEMP% often does on Windows)' {
        $spaced = Join-Path $TestDrive 'Temp With Space'
        $null = New-Item -ItemType Directory $spaced
        $saved = $env:TMPDIR
        $env:TMPDIR = $spaced   # what [IO.Path]::GetTempPath() reads on Linux and macOS
        try {
            $sandbox = Start-TestSandbox
            try {
                $sandbox.Log | Should -BeLike "$spaced*"
                (Get-SandboxState $sandbox).merchants[0].merchantNo | Should -Be $SandboxMerchant
            }
            finally { Stop-TestSandbox $sandbox }
        }
        finally { $env:TMPDIR = $saved }
    }
}
