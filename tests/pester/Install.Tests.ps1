# Installs the packages ./build.sh package wrote, as a sysadmin would: PSResourceGet from a folder repository
# into a fresh pwsh whose user folders (module path, repository list) are temporary, and the sandbox as a
# .NET tool from the same folder. Nothing touches this user's own modules, repositories or tools.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    $script:Packages = Join-Path $RepoRoot 'out/packages'
    $script:ToolPackages = Join-Path $RepoRoot 'out/tools'
    $script:Manifest = Test-ModuleManifest $ModulePath # (Import-PowerShellDataFile refuses the manifest's edition switch)
    $script:Version = $Manifest.Version.ToString()
    $script:Package = Join-Path $Packages "PayoutPS.$Version.nupkg"
    if (-not (Test-Path $Package)) { throw "Package first: ./build.sh package ($Package is missing)." }

    $script:Repository = Join-Path $TestDrive 'feed'       # the company's file share
    $script:UserHome = Join-Path $TestDrive 'home'
    $null = New-Item -ItemType Directory $Repository, $UserHome
    Copy-Item (Join-Path $Packages '*') $Repository   # the whole folder, as the README says to put it on the share

    # A pwsh as a new user gets it: its own home, data and config folders, no module path of ours.
    function Invoke-UserPwsh([string] $Script) {
        $saved = @{}
        $isolated = @{
            HOME = $UserHome; USERPROFILE = $UserHome; PSModulePath = ''
            XDG_DATA_HOME = "$UserHome/.local/share"; XDG_CONFIG_HOME = "$UserHome/.config"; XDG_CACHE_HOME = "$UserHome/.cache"
            LOCALAPPDATA = "$UserHome/AppData/Local"; APPDATA = "$UserHome/AppData/Roaming"
        }
        foreach ($name in $isolated.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $isolated[$name]) }
        # .NET names no folder that does not exist yet, and PSResourceGet then keeps its repository list in the
        # current directory: a new user's folders exist once anything has run as them.
        foreach ($name in 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'LOCALAPPDATA', 'APPDATA') { $null = New-Item -ItemType Directory -Force $isolated[$name] }
        try { Invoke-FreshPwsh ("`$ErrorActionPreference = 'Stop'; `$ProgressPreference = 'SilentlyContinue'`n" + $Script) }
        finally { foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
    }

    # key=value lines a child printed, as a hashtable (the last value of a key wins).
    function Read-Lines($Run) {
        $values = @{}
        foreach ($line in $Run.Output -split "`r?`n") { if ($line -match '^(\w+)=(.*)$') { $values[$Matches[1]] = $Matches[2] } }
        $values
    }

    # The sandbox from its tool package, installed into a folder of its own from out/tools only.
    $script:Tools = Join-Path $TestDrive 'tools'
    $nugetConfig = Join-Path $TestDrive 'nuget.config'
    Set-Content $nugetConfig "<?xml version=`"1.0`" encoding=`"utf-8`"?><configuration><packageSources><clear /><add key=`"local`" value=`"$ToolPackages`" /></packageSources></configuration>"
    $script:ToolInstall = & dotnet tool install PayoutPS.Sandbox --version $Version --tool-path $Tools --configfile $nugetConfig 2>&1 | Out-String
    $script:ToolExit = $LASTEXITCODE
    if (-not $env:DOTNET_ROOT) { $env:DOTNET_ROOT = Split-Path (Get-Process -Id $PID).Path } # the tool's launcher looks for the runtime there
    $script:Sandbox = if ($ToolExit -eq 0) {
        & (Join-Path $RepoRoot 'src/PayoutPS.Sandbox/Start-PayoutSandbox.ps1') -Command (Join-Path $Tools 'payoutps-sandbox')
    }
}

AfterAll {
    Stop-TestSandbox $Sandbox
}

Describe 'Installing PayoutPS from a package' {
    It 'installs the sandbox as a .NET tool that starts and answers' {
        $ToolExit | Should -Be 0 -Because $ToolInstall
        $Sandbox.BaseUri | Should -Match '^http://127\.0\.0\.1:\d+/payout$'
        (Get-SandboxState $Sandbox).payouts.Count | Should -Be 0
    }

    It 'installs by name from a trusted folder repository, imports by name with help, and pays through the installed sandbox' {
        $run = Invoke-UserPwsh @"
if (Get-Module -ListAvailable PayoutPS) { throw 'PayoutPS is on the module path before it is installed.' }
Register-PSResourceRepository -Name CompanyFeed -Uri '$Repository' -Trusted
'found=' + ((Find-PSResource * -Repository CompanyFeed).Name -join ',')
Install-PSResource PayoutPS -Repository CompanyFeed -Scope CurrentUser
Import-Module PayoutPS
`$module = Get-Module PayoutPS
'version=' + `$module.Version
'base=' + `$module.ModuleBase
'commands=' + (@(Get-Command -Module PayoutPS).Count)
foreach (`$command in Get-Command -Module PayoutPS) {
    `$help = Get-Help `$command.Name -Full
    if ((`$help.Description.Text -join ' ').Length -lt 40 -or @(`$help.Examples.Example).Count -lt 1) { 'nohelp=' + `$command.Name }
}
'about=' + [bool](Get-Help about_PayoutPS -ErrorAction SilentlyContinue)
`$secret = [securestring]::new(); '$SandboxSecretText'.ToCharArray() | ForEach-Object { `$secret.AppendChar(`$_) }
`$null = Connect-PayoutEnvironment Local -Port $($Sandbox.Port) -MerchantId $SandboxMerchant -SecretKey `$secret
`$payout = New-Payout -RequestId INSTALLED-1 -FirstName Anna -LastName Müller -AccountNumber DE89370400440532013000 -Country DE -City Berlin -AddressLine1 'Unter den Linden 1' -SendAmount 25.00 -SourceCurrency USD -TargetCurrency EUR -Purpose PersonalRemittance -Force -InformationAction Ignore
'payout=' + `$payout.PayoutId
"@
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $lines = Read-Lines $run
        $lines.version | Should -Be $Version
        $lines.found | Should -Be 'PayoutPS' -Because 'the feed holds the module, and only it, so Find-PSResource * works there'
        $lines.base | Should -BeLike "$UserHome*" -Because 'it is installed for this user only'
        [int]$lines.commands | Should -Be $Manifest.ExportedCmdlets.Count
        $lines.ContainsKey('nohelp') | Should -BeFalse -Because $run.Output
        $lines.about | Should -Be 'True'
        $paid = @((Get-SandboxState $Sandbox).payouts | Where-Object requestId -eq 'INSTALLED-1')
        $paid.Count | Should -Be 1
        $paid[0].payoutId | Should -Be $lines.payout
        $paid[0].request.sourceAmount | Should -Be '25.00'
    }

    # Issue 28: the README's own Install words, run as written by a user with an empty HOME: its feed commands,
    # its sandbox credentials, its Connect line and its way to get a signed notification from the local sandbox.
    It 'follows the README''s Install walkthrough from an empty HOME: install, connect with its credentials, pay, check a notification' {
        $readme = Get-Content -Raw (Join-Path $RepoRoot 'README.md')
        $readme -match 'demo merchant \*\*(\d+)\*\* with the secret \*\*([0-9a-f]{32})\*\*' | Should -BeTrue
        $merchant, $secret = $Matches[1], $Matches[2]
        $feedLines = @([regex]::Matches($readme, '(?m)^(Register-PSResourceRepository|Install-PSResource|Import-Module PayoutPS)\b[^#\r\n]*').Value)
        $feedLines | Should -HaveCount 3
        $readme -match "(Connect-PayoutEnvironment Local -Port 5055 -MerchantId $merchant\s+-SecretKey) \(Read-Host -AsSecureString\)" | Should -BeTrue
        $connect = ($Matches[1] -replace '\s+', ' ') -replace '5055', $Sandbox.Port
        $readme -match "\(Invoke-WebRequest '(http://127\.0\.0\.1:5055/_sandbox/notification\?requestId=)INV-1'\)\.Content \|\s*Test-PayoutNotification" | Should -BeTrue
        $notification = $Matches[1] -replace '5055', $Sandbox.Port

        $feed = Join-Path $TestDrive 'readme-feed'
        $null = New-Item -ItemType Directory $feed
        Copy-Item (Join-Path $Packages '*') $feed
        $saved = $script:UserHome
        $script:UserHome = Join-Path $TestDrive 'readme-home'
        $null = New-Item -ItemType Directory $UserHome
        try {
            $run = Invoke-UserPwsh @"
$(($feedLines -join "`n") -replace '\\\\fileserver\\psmodules', $feed)
`$secret = [securestring]::new(); '$secret'.ToCharArray() | ForEach-Object { `$secret.AppendChar(`$_) }
`$null = $connect `$secret
'balances=' + @(Get-PayoutBalance).Count
`$payout = New-Payout -RequestId README-1 -FirstName Anna -LastName Müller -AccountNumber DE89370400440532013000 -Country DE -City Berlin -AddressLine1 'Unter den Linden 1' -SendAmount 10.00 -SourceCurrency USD -TargetCurrency EUR -Purpose PersonalRemittance -Force
`$note = (Invoke-WebRequest '${notification}README-1').Content | Test-PayoutNotification
'valid=' + `$note.IsValid
'noted=' + `$note.PayoutId
'payout=' + `$payout.PayoutId
"@
        }
        finally { $script:UserHome = $saved }
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $lines = Read-Lines $run
        [int]$lines.balances | Should -BeGreaterThan 0
        $lines.valid | Should -Be 'True' -Because 'the notification is signed with the README''s secret'
        $lines.noted | Should -Be $lines.payout
        @((Get-SandboxState $Sandbox).payouts | Where-Object requestId -eq 'README-1').payoutId | Should -Be $lines.payout
    }

    It 'updates to a higher version with Update-PSResource, imports it, and uninstalls' {
        # The next patch version, packaged the way build.ps1 packages: only the manifest's version differs.
        $next = ([version]$Version | ForEach-Object { [version]::new($_.Major, $_.Minor, $_.Build + 1) }).ToString()
        $stage = Join-Path $TestDrive "stage/PayoutPS"
        $null = New-Item -ItemType Directory (Split-Path $stage)
        Copy-Item (Split-Path $ModulePath) $stage -Recurse
        $manifest = Join-Path $stage 'PayoutPS.psd1'
        (Get-Content -Raw $manifest) -replace "ModuleVersion\s*=\s*'[^']+'", "ModuleVersion        = '$next'" | Set-Content $manifest -NoNewline
        Compress-PSResource -Path $stage -DestinationPath $Repository

        $updated = Invoke-UserPwsh @"
Update-PSResource PayoutPS -Repository CompanyFeed -Scope CurrentUser
Import-Module PayoutPS
'imported=' + (Get-Module PayoutPS).Version
'installed=' + ((Get-InstalledPSResource PayoutPS -Scope CurrentUser).Version -join ',')
"@
        $updated.ExitCode | Should -Be 0 -Because $updated.Output
        $lines = Read-Lines $updated
        $lines.imported | Should -Be $next
        ($lines.installed -split ',' | Sort-Object) | Should -Be (@($Version, $next) | Sort-Object)

        $removed = Invoke-UserPwsh @"
Get-InstalledPSResource PayoutPS -Scope CurrentUser | Uninstall-PSResource -Scope CurrentUser
'left=' + @(Get-InstalledPSResource PayoutPS -Scope CurrentUser -ErrorAction SilentlyContinue).Count
'available=' + @(Get-Module -ListAvailable PayoutPS).Count
"@
        $removed.ExitCode | Should -Be 0 -Because $removed.Output
        $lines = Read-Lines $removed
        $lines.left | Should -Be '0'
        $lines.available | Should -Be '0'
    }
}
