@{
    # The one version source: build.ps1 passes it to dotnet as -p:Version, so DLLs and manifest agree.
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0c3d2e-8f61-4c47-9a3e-2f6d1c9b7a40'
    Author               = 'PayoutPS contributors'
    CompanyName          = 'PayoutPS'
    Copyright            = '(c) PayoutPS contributors. MIT License.'
    Description          = 'Signed, exactly-once payouts to individuals and businesses through the cross-border Payout API.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'

    # Windows PowerShell 5.1 loads the .NET Framework build; PowerShell 7.4+ the .NET 8 build.
    RootModule           = if ($PSEdition -eq 'Core') { 'bin/net8.0/PayoutPS.dll' } else { 'bin/net472/PayoutPS.dll' }

    FormatsToProcess     = @('PayoutPS.format.ps1xml')
    TypesToProcess       = @('PayoutPS.types.ps1xml')

    CmdletsToExport      = @(
        'Approve-PayoutBatch'
        'Connect-PayoutEnvironment'
        'Disconnect-PayoutEnvironment'
        'Get-PayoutBalance'
        'Get-PayoutBatch'
        'Get-PayoutBeneficiary'
        'Get-PayoutEnvironment'
        'Get-PayoutExchangeRate'
        'Get-PayoutLedger'
        'Get-PayoutPaymentMethod'
        'Get-PayoutRequiredField'
        'Get-PayoutStatus'
        'Measure-PayoutBatch'
        'New-Payout'
        'New-PayoutBeneficiary'
        'Protect-PayoutRequest'
        'Set-PayoutBeneficiary'
        'Test-PayoutApproval'
        'Test-PayoutNotification'
        'Test-PayoutReadiness'
        'Test-PayoutSignature'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()

    PrivateData          = @{
        PSData = @{
            Tags         = @('Payout', 'Payments', 'Remittance', 'Signing', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/PayoutPS/PayoutPS'
            LicenseUri   = 'https://github.com/PayoutPS/PayoutPS/blob/main/LICENSE'
            # build.ps1 replaces this with the CHANGELOG section of ModuleVersion in the staged (and packaged) copy.
            ReleaseNotes = 'See CHANGELOG.md.'
        }
    }
}
