# What the benchmark scripts share (dot-source it): the median of a run's rounds, the sandbox's documented
# demo merchant (whose credentials open nothing real), and a payroll file to pay.
$merchant = '800100'
$secretText = '5a4d3c2b1a0f9e8d7c6b5a4d3c2b1a0f'
$secret = [securestring]::new(); $secretText.ToCharArray() | ForEach-Object { $secret.AppendChar($_) }

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    if ($sorted.Count % 2) { $sorted[[int][math]::Floor($sorted.Count / 2)] } else { ($sorted[$sorted.Count / 2 - 1] + $sorted[$sorted.Count / 2]) / 2 }
}

# New-Payout shows its summary at the end of every run, like Write-Host; a benchmark prints its own figures.
$PSDefaultParameterValues['New-Payout:InformationAction'] = 'Ignore'

# A payroll file of $Count rows in $Folder with unique RequestIds ($Prefix-0000001…; the naive script needs them) and
# varied amounts; returns its path. -Unkeyed: no RequestId column (ids are derived: -Journal or -BatchId), each row
# made distinct by its Reference instead, so the duplicate guard holds none of them.
function New-PayrollCsv([string] $Folder, [int] $Count, [string] $Prefix, [switch] $Unkeyed) {
    $path = Join-Path $Folder "$Prefix.csv"
    $writer = [IO.StreamWriter]::new($path, $false, [Text.UTF8Encoding]::new($false))
    if ($Unkeyed) {
        $writer.WriteLine('FirstName,LastName,AccountNumber,Country,City,AddressLine1,SendAmount,SourceCurrency,TargetCurrency,Purpose,Reference')
        for ($i = 1; $i -le $Count; $i++) {
            $writer.WriteLine(('Anna,Müller,DE89370400440532013000,DE,Berlin,Unter den Linden 1,{0}.{1:D2},USD,EUR,1,{2}-{3}' -f ($i % 90 + 1), ($i % 100), $Prefix, $i))
        }
    }
    else {
        $writer.WriteLine('RequestId,FirstName,LastName,AccountNumber,Country,City,AddressLine1,SendAmount,SourceCurrency,TargetCurrency,Purpose')
        for ($i = 1; $i -le $Count; $i++) {
            $writer.WriteLine(('{0}-{1:D7},Anna,Müller,DE89370400440532013000,DE,Berlin,Unter den Linden 1,{2}.{3:D2},USD,EUR,1' -f $Prefix, $i, ($i % 90 + 1), ($i % 100)))
        }
    }

    $writer.Dispose()
    $path
}
