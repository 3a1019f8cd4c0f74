<#
.SYNOPSIS
    Writes the module's MAML help file from the help text in this folder and the cmdlets' own metadata.
.DESCRIPTION
    Each <Verb-Noun>.psd1 here holds the words: Synopsis, Description, Parameters (name → text), Examples
    (Title, Code, Remarks) and Links. Syntax, types, positions, pipeline input and aliases come from the
    built cmdlets, so the help can never disagree with the code. build.ps1 runs this in a fresh pwsh.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
$module = Import-Module $ModulePath -PassThru
# -WhatIf and -Confirm are listed like the cmdlet's own parameters, with the standard words.
$common = [System.Management.Automation.PSCmdlet]::CommonParameters
$shouldProcessText = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. Nothing is sent.'
    Confirm = 'Prompts for confirmation before running the cmdlet. -Confirm:$false runs without a prompt.'
}

$ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$null = New-Item -ItemType Directory -Force (Split-Path $OutputPath)
$w = [System.Xml.XmlWriter]::Create($OutputPath, $settings)

function Para([string] $Prefix, [string] $Text) {
    foreach ($paragraph in ($Text.Trim() -split "\r?\n\s*\r?\n")) {
        $w.WriteElementString('maml', 'para', $ns.maml, ($paragraph -replace '\s*\r?\n\s*', ' ').Trim())
    }
}

function PipelineInput($Parameter) {
    $kinds = @()
    if ($Parameter.ValueFromPipeline) { $kinds += 'ByValue' }
    if ($Parameter.ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
    if ($kinds) { 'True ({0})' -f ($kinds -join ', ') } else { 'False' }
}

# A parameter's default is what a fresh cmdlet object holds: read from the code, so the help cannot drift.
function DefaultValue($Command, $Metadata) {
    $property = $Command.ImplementingType.GetProperty($Metadata.Name)
    if (-not $property) { return 'None' }
    $value = $property.GetValue([Activator]::CreateInstance($Command.ImplementingType))
    if ($null -eq $value -or $value -is [System.Management.Automation.SwitchParameter] -or ($value -is [array] -and $value.Count -eq 0) -or
        ($value -is [ValueType] -and $value -eq [Activator]::CreateInstance($value.GetType()))) { return 'None' }
    [string]$value
}

function WriteParameter($Metadata, $SetInfo, [string] $Description, $Command) {
    $w.WriteStartElement('command', 'parameter', $ns.command)
    $w.WriteAttributeString('required', ([string]$SetInfo.IsMandatory).ToLowerInvariant())
    $w.WriteAttributeString('position', $(if ($SetInfo.Position -ge 0) { [string]$SetInfo.Position } else { 'named' }))
    $w.WriteAttributeString('pipelineInput', (PipelineInput $SetInfo))
    $w.WriteAttributeString('globbing', 'false')
    $w.WriteAttributeString('variableLength', 'false')
    $w.WriteAttributeString('aliases', $(if ($Metadata.Aliases.Count) { $Metadata.Aliases -join ', ' } else { 'none' }))
    $w.WriteElementString('maml', 'name', $ns.maml, $Metadata.Name)
    if ($null -ne $Description) {
        $w.WriteStartElement('maml', 'description', $ns.maml); Para 'maml' $Description; $w.WriteEndElement()
    }
    $type = [Nullable]::GetUnderlyingType($Metadata.ParameterType) ?? $Metadata.ParameterType
    if ($type -ne [System.Management.Automation.SwitchParameter]) {
        # A switch takes no value: its syntax reads [-AsJson], not [-AsJson <SwitchParameter>].
        $w.WriteStartElement('command', 'parameterValue', $ns.command)
        $w.WriteAttributeString('required', 'true')
        $w.WriteString($type.Name)
        $w.WriteEndElement()
    }
    $w.WriteStartElement('dev', 'type', $ns.dev); $w.WriteElementString('maml', 'name', $ns.maml, $type.FullName); $w.WriteEndElement()
    if ($Command) { $w.WriteElementString('dev', 'defaultValue', $ns.dev, (DefaultValue $Command $Metadata)) }
    $w.WriteEndElement()
}

$w.WriteStartElement('helpItems', 'http://msh')
$w.WriteAttributeString('schema', 'maml')
foreach ($command in Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name) {
    $textPath = Join-Path $PSScriptRoot "$($command.Name).psd1"
    if (-not (Test-Path $textPath)) { throw "Help text is missing: $textPath" }
    $text = Import-PowerShellDataFile $textPath
    foreach ($name in $shouldProcessText.Keys) { if ($command.Parameters.ContainsKey($name)) { $text.Parameters[$name] = $shouldProcessText[$name] } }
    $parameters = $command.Parameters.Values | Where-Object { $_.Name -notin $common }
    foreach ($parameter in $parameters) {
        if (-not $text.Parameters.ContainsKey($parameter.Name)) { throw "$($command.Name) -$($parameter.Name) has no help text in $textPath" }
    }

    $w.WriteStartElement('command', 'command', $ns.command)
    $w.WriteAttributeString('xmlns', 'maml', $null, $ns.maml)
    $w.WriteAttributeString('xmlns', 'dev', $null, $ns.dev)
    $w.WriteStartElement('command', 'details', $ns.command)
    $w.WriteElementString('command', 'name', $ns.command, $command.Name)
    $w.WriteElementString('command', 'verb', $ns.command, $command.Verb)
    $w.WriteElementString('command', 'noun', $ns.command, $command.Noun)
    $w.WriteStartElement('maml', 'description', $ns.maml); Para 'maml' $text.Synopsis; $w.WriteEndElement()
    $w.WriteEndElement()
    $w.WriteStartElement('maml', 'description', $ns.maml); Para 'maml' $text.Description; $w.WriteEndElement()

    $w.WriteStartElement('command', 'syntax', $ns.command)
    # The forms first and the catch-all Rows form (any combination, rows from the pipeline) last; in each, the
    # parameters a form requires first, as Get-Command -Syntax orders them.
    foreach ($set in $command.ParameterSets | Sort-Object -Stable { $_.Name -eq 'Rows' }) {
        $w.WriteStartElement('command', 'syntaxItem', $ns.command)
        $w.WriteElementString('maml', 'name', $ns.maml, $command.Name)
        # A parameter only the pipeline fills (DontShow) stays out of the syntax; it is still described below.
        $shown = $set.Parameters | Where-Object { $_.Name -notin $common -and -not ($_.Attributes | Where-Object { $_ -is [Parameter] -and $_.DontShow }) }
        foreach ($p in $shown | Sort-Object -Stable { -not $_.IsMandatory }) {
            WriteParameter $command.Parameters[$p.Name] $p $null
        }
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'parameters', $ns.command)
    foreach ($parameter in $parameters | Sort-Object Name) {
        # Required only when every form requires it (New-Payout's -FirstName is, in its Individual form alone).
        $sets = @($parameter.ParameterSets.Values)
        $first = $sets | Where-Object { -not $_.IsMandatory } | Select-Object -First 1
        WriteParameter $parameter ($first ?? $sets[0]) $text.Parameters[$parameter.Name] $command
    }
    $w.WriteEndElement()

    # INPUTS: what the pipeline can carry in, read from the parameters' own attributes.
    $w.WriteStartElement('command', 'inputTypes', $ns.command)
    $byValue = @($parameters | Where-Object { $_.ParameterSets.Values.ValueFromPipeline -contains $true })
    $byName = @($parameters | Where-Object { $_.ParameterSets.Values.ValueFromPipelineByPropertyName -contains $true })
    $inputs = @(foreach ($p in $byValue) { @{ Name = ([Nullable]::GetUnderlyingType($p.ParameterType) ?? $p.ParameterType).FullName; Text = "Bound to -$($p.Name)." } })
    if ($byName) { $inputs += @{ Name = 'System.Management.Automation.PSObject'; Text = 'Objects with properties named ' + (($byName.Name | Sort-Object) -join ', ') + ' (by property name).' } }
    if (-not $inputs) { $inputs = @(@{ Name = 'None'; Text = 'This cmdlet takes no pipeline input.' }) }
    foreach ($input in $inputs) {
        $w.WriteStartElement('command', 'inputType', $ns.command)
        $w.WriteStartElement('dev', 'type', $ns.dev); $w.WriteElementString('maml', 'name', $ns.maml, $input.Name); $w.WriteEndElement()
        $w.WriteStartElement('maml', 'description', $ns.maml); Para 'maml' $input.Text; $w.WriteEndElement()
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'returnValues', $ns.command)
    foreach ($type in $command.OutputType) {
        $w.WriteStartElement('command', 'returnValue', $ns.command)
        $w.WriteStartElement('dev', 'type', $ns.dev); $w.WriteElementString('maml', 'name', $ns.maml, $type.Type.FullName ?? $type.Name); $w.WriteEndElement()
        $w.WriteEndElement()
    }
    if (-not $command.OutputType) {
        $w.WriteStartElement('command', 'returnValue', $ns.command)
        $w.WriteStartElement('dev', 'type', $ns.dev); $w.WriteElementString('maml', 'name', $ns.maml, 'None'); $w.WriteEndElement()
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'examples', $ns.command)
    $number = 0
    foreach ($example in $text.Examples) {
        $number++
        $w.WriteStartElement('command', 'example', $ns.command)
        $w.WriteElementString('maml', 'title', $ns.maml, "-------------------------- Example $number`: $($example.Title) --------------------------")
        $w.WriteElementString('dev', 'code', $ns.dev, $example.Code.Trim())
        $w.WriteStartElement('dev', 'remarks', $ns.dev); Para 'maml' $example.Remarks; $w.WriteEndElement()
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'relatedLinks', $ns.command)
    foreach ($link in @($text.Links)) {
        $w.WriteStartElement('maml', 'navigationLink', $ns.maml)
        $w.WriteElementString('maml', 'linkText', $ns.maml, $link)
        $w.WriteEndElement()
    }
    $w.WriteEndElement()
    $w.WriteEndElement()
}
$w.WriteEndElement()
$w.Dispose()
