# What the benchmark scripts share (dot-source it): the median of a run's rounds, and the sandbox's documented
# demo merchant, whose credentials open nothing real.
$merchant = '800100'
$secretText = '5a4d3c2b1a0f9e8d7c6b5a4d3c2b1a0f'
$secret = [securestring]::new(); $secretText.ToCharArray() | ForEach-Object { $secret.AppendChar($_) }

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    if ($sorted.Count % 2) { $sorted[[int][math]::Floor($sorted.Count / 2)] } else { ($sorted[$sorted.Count / 2 - 1] + $sorted[$sorted.Count / 2]) / 2 }
}

# New-Payout shows its summary at the end of every run, like Write-Host; a benchmark prints its own figures.
$PSDefaultParameterValues['New-Payout:InformationAction'] = 'Ignore'
