# The static proof that Windows PowerShell 5.1 can load the net472 module folder (dot-source it): every assembly
# reference of every assembly there is either part of .NET Framework 4.7.2 or shipped in the folder at a version
# at least the one referenced. Read with System.Reflection.Metadata: nothing is loaded, so it runs on any OS.

# Name, version and references of one assembly file; nothing for a file without metadata.
function Read-AssemblyMetadata([string] $Path) {
    $stream = [IO.File]::OpenRead($Path)
    try {
        $pe = [System.Reflection.PortableExecutable.PEReader]::new($stream)
        if (-not $pe.HasMetadata) { return }
        $reader = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
        if (-not $reader.IsAssembly) { return } # a module of a multi-file assembly
        $definition = $reader.GetAssemblyDefinition()
        $references = foreach ($handle in $reader.AssemblyReferences) {
            $reference = $reader.GetAssemblyReference($handle)
            [pscustomobject]@{ Name = $reader.GetString($reference.Name); Version = $reference.Version }
        }
        [pscustomobject]@{ File = Split-Path -Leaf $Path; Name = $reader.GetString($definition.Name); Version = $definition.Version; References = @($references) }
    }
    finally { $stream.Dispose() }
}

# Name -> version of every assembly in .NET Framework 4.7.2, from the reference-assembly package the net472 build
# restored (Microsoft.NETFramework.ReferenceAssemblies.net472: the framework and its facades), and of what
# Windows PowerShell 5.1 itself provides: System.Management.Automation 3.0.0.0, in the GAC of every 5.1.
function Get-Net472FrameworkAssemblies([string] $RepoRoot) {
    $assets = Get-Content -Raw (Join-Path $RepoRoot 'src/PayoutPS.Core/obj/project.assets.json') | ConvertFrom-Json
    $library = @($assets.libraries.PSObject.Properties | Where-Object Name -like 'Microsoft.NETFramework.ReferenceAssemblies.net472/*')[0]
    if (-not $library) { throw 'The net472 reference assemblies are not restored: build first (./build.sh build).' }
    $root = Join-Path @($assets.packageFolders.PSObject.Properties.Name)[0] $library.Value.path
    $framework = @{}
    foreach ($file in Get-ChildItem (Join-Path $root 'build/.NETFramework/v4.7.2'), (Join-Path $root 'build/.NETFramework/v4.7.2/Facades') -Filter *.dll) {
        $assembly = Read-AssemblyMetadata $file.FullName
        if ($assembly -and -not ($framework[$assembly.Name] -gt $assembly.Version)) { $framework[$assembly.Name] = $assembly.Version }
    }
    $framework['System.Management.Automation'] = [version]'3.0.0.0'
    $framework
}

# One line per reference Windows PowerShell 5.1 could not satisfy from $Framework (name -> version) or $Folder.
function Test-AssemblyClosure([string] $Folder, [hashtable] $Framework) {
    $shipped = @{}
    $assemblies = @(Get-ChildItem $Folder -Filter *.dll | ForEach-Object { Read-AssemblyMetadata $_.FullName })
    foreach ($assembly in $assemblies) { $shipped[$assembly.Name] = $assembly.Version }
    foreach ($assembly in $assemblies) {
        foreach ($reference in $assembly.References) {
            $has = if ($shipped.ContainsKey($reference.Name)) { $shipped[$reference.Name] } else { $Framework[$reference.Name] }
            $where = if ($shipped.ContainsKey($reference.Name)) { 'the folder ships' } else { '.NET Framework 4.7.2 has' }
            if ($null -eq $has) {
                "$($assembly.File) references $($reference.Name) $($reference.Version), which is neither part of .NET Framework 4.7.2 nor in the folder"
            }
            elseif ($has -lt $reference.Version) {
                "$($assembly.File) references $($reference.Name) $($reference.Version), but $where $has"
            }
        }
    }
}
