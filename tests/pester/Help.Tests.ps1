BeforeDiscovery {
    $script:Cmdlets = @((Test-ModuleManifest (Join-Path $PSScriptRoot '../../out/PayoutPS/PayoutPS.psd1')).ExportedCmdlets.Keys)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
}

Describe 'Help for <_>' -ForEach $Cmdlets {
    BeforeAll {
        $script:Help = Get-Help $_ -Full
        $script:Parameters = (Get-Command $_).Parameters.Values |
            Where-Object { $_.Name -notin [System.Management.Automation.PSCmdlet]::CommonParameters }
    }

    It 'has a written synopsis and description' {
        $Help.Synopsis | Should -Not -BeNullOrEmpty
        $Help.Synopsis | Should -Not -Match '^\s*\S+\s+\[' # not the auto-generated syntax line
        ($Help.Description.Text -join ' ').Length | Should -BeGreaterThan 40
    }

    It 'describes every parameter' {
        foreach ($parameter in $Parameters) {
            $entry = $Help.Parameters.Parameter | Where-Object Name -eq $parameter.Name
            ($entry.Description.Text -join ' ') | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) needs a description"
        }
    }

    It 'opens the project''s README with Get-Help -Online (its HelpUri is the manifest''s ProjectUri)' {
        $project = (Test-ModuleManifest (Join-Path $PSScriptRoot '../../out/PayoutPS/PayoutPS.psd1')).PrivateData.PSData.ProjectUri
        (Get-Command $_).HelpUri | Should -Be "$project#readme"
    }

    It 'has at least two examples with code' {
        @($Help.Examples.Example).Count | Should -BeGreaterOrEqual 2
        $Help.Examples.Example | ForEach-Object { $_.Code | Should -Not -BeNullOrEmpty }
    }

    It 'fills INPUTS and OUTPUTS' {
        @($Help.inputTypes.inputType).Count | Should -BeGreaterThan 0
        ($Help.inputTypes.inputType.type.name -join '') | Should -Not -BeNullOrEmpty
        ($Help.returnValues.returnValue.type.name -join '') | Should -Not -BeNullOrEmpty
    }
}

Describe 'about_PayoutPS' {
    It 'covers environments, keys, exactly-once and the journal, amounts, exit codes and redaction' {
        $text = Get-Help about_PayoutPS | Out-String
        foreach ($section in 'ENVIRONMENTS', 'KEYS AND WHERE TO KEEP THEM', 'EXACTLY ONCE AND THE JOURNAL', 'AMOUNTS', 'EXIT CODES', 'WHAT IS NEVER SHOWN') {
            $text | Should -Match $section
        }
        $text | Should -Match 'Get-Secret'
    }
}

Describe 'Defaults in help' {
    It 'shows a parameter''s default value, read from the code' {
        ((Get-Help New-Payout -Parameter ThrottleLimit).defaultValue) | Should -Be '4'
        ((Get-Help Connect-PayoutEnvironment -Parameter TimeoutSec).defaultValue) | Should -Be '30'
        ((Get-Help Get-PayoutStatus -Parameter TimeoutSec).defaultValue) | Should -Be '300'
    }

    It 'names the pipeline input' {
        (Get-Help New-Payout -Full).inputTypes.inputType.type.name | Should -Contain 'System.Management.Automation.PSObject'
        (Get-Help Get-PayoutStatus -Full).inputTypes.inputType.description.Text | Should -Match 'RequestId'
    }
}

Describe 'Protect-PayoutRequest help' {
    It 'shows the Invoke-RestMethod splat as a one-liner' {
        $code = (Get-Help Protect-PayoutRequest -Full).Examples.Example.Code -join "`n"
        $code | Should -Match '\$p = \(Protect-PayoutRequest .+\)\.RestParameters; Invoke-RestMethod @p'
    }
}

# Issue 28: the syntax shows the valid forms; binding stays permissive, so the cmdlet's own checks name the fix.
Describe 'Syntax' {
    It 'shows New-Payout''s forms: an individual, a business, an approved payee, a file, and rows' {
        $syntax = @((Get-Command New-Payout -Syntax) -split "`r?`n" | Where-Object { $_.Trim() })
        $syntax | Should -HaveCount 5
        $syntax | Where-Object { $_ -match '^New-Payout -FirstName <string> -LastName <string> ' } | Should -Not -BeNullOrEmpty
        $syntax | Where-Object { $_ -match '^New-Payout -CompanyName <string> ' } | Should -Not -BeNullOrEmpty
        $syntax | Where-Object { $_ -match '^New-Payout -BeneficiaryId <string> ' -and $_ -notmatch '-AccountNumber|-FirstName|-Path' } | Should -Not -BeNullOrEmpty
        $syntax | Where-Object { $_ -match '^New-Payout -Path <string> ' -and $_ -match '-Encoding' -and $_ -notmatch '-AccountNumber|-RequestId' } | Should -Not -BeNullOrEmpty
        (Get-Help New-Payout).syntax.syntaxItem[0].parameter[0].name | Should -Be 'FirstName' -Because 'Get-Help lists the forms first, the catch-all last'
        (Get-Help New-Payout -Parameter FirstName).required | Should -Be 'false' -Because 'rows and the business form need no -FirstName'
    }

    It 'still binds any combination, so New-Payout''s own message names the conflict' {
        $payee = @{ FirstName = 'Anna'; LastName = 'Müller'; AccountNumber = 'DE89370400440532013000'; Country = 'DE'; City = 'Berlin'; AddressLine1 = 'Linden 1'; SendAmount = '1.00'; SourceCurrency = 'USD'; TargetCurrency = 'EUR'; Purpose = 'PersonalRemittance'; RequestId = 'SYN-1' }
        New-Payout @payee -BeneficiaryId 1775000000000000001 -ValidateOnly -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Not -Match 'AmbiguousParameterSet'
        $errs[0].Exception.Message | Should -Match 'BeneficiaryId pays an approved payee'
        $payee.Remove('BeneficiaryId'); $payee.FirstName = ''
        New-Payout @payee -ValidateOnly -ErrorVariable empty -ErrorAction SilentlyContinue
        $empty[0].Exception.Message | Should -Match 'FirstName' -Because 'an empty required value reaches the cmdlet, which names it'
        $empty[0].Exception.Message | Should -Not -Match 'Cannot bind'
        (Get-Command New-PayoutBeneficiary).DefaultParameterSet | Should -Be 'Rows'
    }

    It 'keeps Get-PayoutStatus''s pipeline-only parameters out of its help syntax' {
        $syntax = (Get-Help Get-PayoutStatus).syntax | Out-String -Width 300
        $syntax | Should -Match '-PayoutId'
        $syntax | Should -Not -Match '-Row |-Payee |-Outcome '
        (Get-Help Get-PayoutStatus -Parameter Row).description.Text | Should -Not -BeNullOrEmpty
    }
}
