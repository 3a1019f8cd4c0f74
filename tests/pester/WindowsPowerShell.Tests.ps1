# What this Linux machine can prove about Windows PowerShell 5.1 without running it: the net472 module folder's
# assemblies reference nothing 5.1 cannot bind (the classic FileLoadException for System.Memory and friends), and
# the module's resolver answers exactly for what the folder ships.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'assembly-closure.ps1')
    $script:Net472 = Join-Path (Split-Path $ModulePath) 'bin/net472'
    $script:Framework = Get-Net472FrameworkAssemblies $RepoRoot
    $script:Shipped = @(Get-ChildItem $Net472 -Filter *.dll | ForEach-Object { Read-AssemblyMetadata $_.FullName })
}

Describe 'The net472 module folder on Windows PowerShell 5.1' {
    It 'reads the framework from the reference-assembly package' {
        $Framework['mscorlib'] | Should -Be ([version]'4.0.0.0')
        $Framework['netstandard'] | Should -Be ([version]'2.0.0.0') # 4.7.2 runs netstandard2.0 libraries
        $Framework.ContainsKey('System.Memory') | Should -BeFalse    # which is why the module ships it
    }

    It 'references only assemblies .NET Framework 4.7.2 has or the folder ships, at a version at least the one referenced' {
        $Shipped.Name | Should -Contain 'System.Text.Json'
        @(Test-AssemblyClosure $Net472 $Framework) | Should -BeNullOrEmpty
    }

    It 'fails the check for a folder with one dependency removed, naming every assembly that needs it' {
        $copy = Join-Path $TestDrive 'removed'
        Copy-Item $Net472 $copy -Recurse
        Remove-Item (Join-Path $copy 'System.Memory.dll')

        $problems = @(Test-AssemblyClosure $copy $Framework)

        $problems | Should -Contain 'System.Text.Json.dll references System.Memory 4.0.1.2, which is neither part of .NET Framework 4.7.2 nor in the folder'
        $problems | Should -Contain 'PayoutPS.Core.dll references System.Memory 4.0.1.2, which is neither part of .NET Framework 4.7.2 nor in the folder'
        $problems | ForEach-Object { $_ | Should -Match 'System\.Memory' }
    }

    It 'fails the check for a dependency older than the one referenced' {
        # System.Memory 4.5.0 from NuGet (assembly 4.0.1.0; tests/pester/Pester.Restore.csproj downloads it) in
        # place of the shipped 4.0.1.2 that System.Text.Json references.
        $assets = Get-Content -Raw (Join-Path $PSScriptRoot 'obj/project.assets.json') | ConvertFrom-Json
        $older = Join-Path @($assets.packageFolders.PSObject.Properties.Name)[0] 'system.memory/4.5.0/lib/netstandard2.0/System.Memory.dll'
        $copy = Join-Path $TestDrive 'downgraded'
        Copy-Item $Net472 $copy -Recurse
        Copy-Item $older (Join-Path $copy 'System.Memory.dll') -Force

        $problems = @(Test-AssemblyClosure $copy $Framework)

        $problems | Should -Contain 'System.Text.Json.dll references System.Memory 4.0.1.2, but the folder ships 4.0.1.0'
        # The framework's versions count the same way: System.Net.Http 4.2.0.0 is referenced.
        $olderFramework = $Framework.Clone(); $olderFramework['System.Net.Http'] = [version]'4.0.0.0'
        @(Test-AssemblyClosure $Net472 $olderFramework) | Should -Contain 'PayoutPS.Core.dll references System.Net.Http 4.2.0.0, but .NET Framework 4.7.2 has 4.0.0.0'
    }

    It 'resolves exactly the shipped assemblies, and only for the folder''s own requests' {
        foreach ($assembly in $Shipped) {
            $request = "$($assembly.Name), Version=$($assembly.Version), Culture=neutral, PublicKeyToken=null"
            [PayoutPS.Internal.ShippedAssemblies]::PathFor($Net472, $request, $null) | Should -Be (Join-Path $Net472 $assembly.File)
            [PayoutPS.Internal.ShippedAssemblies]::PathFor($Net472, $request, (Join-Path $Net472 'PayoutPS.Core.dll')) | Should -Be (Join-Path $Net472 $assembly.File)
            # Another module's load is never answered with our copy.
            [PayoutPS.Internal.ShippedAssemblies]::PathFor($Net472, $request, (Join-Path $TestDrive 'OtherModule.dll')) | Should -BeNullOrEmpty
        }
        $frameworkOnly = $Shipped.References.Name | Sort-Object -Unique | Where-Object { $_ -notin $Shipped.Name }
        $frameworkOnly | Should -Contain 'mscorlib'
        foreach ($name in $frameworkOnly) {
            [PayoutPS.Internal.ShippedAssemblies]::PathFor($Net472, "$name, Version=4.0.0.0", $null) | Should -BeNullOrEmpty -Because "$name is the framework's"
        }
    }
}
