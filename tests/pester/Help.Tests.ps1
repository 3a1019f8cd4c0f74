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

    It 'has at least one example with code' {
        @($Help.Examples.Example).Count | Should -BeGreaterThan 0
        $Help.Examples.Example[0].Code | Should -Not -BeNullOrEmpty
    }
}

Describe 'Protect-PayoutRequest help' {
    It 'shows the Invoke-RestMethod splat as a one-liner' {
        $code = (Get-Help Protect-PayoutRequest -Full).Examples.Example.Code -join "`n"
        $code | Should -Match '\$p = \(Protect-PayoutRequest .+\)\.RestParameters; Invoke-RestMethod @p'
    }
}
