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
