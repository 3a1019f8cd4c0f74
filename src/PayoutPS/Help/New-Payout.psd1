@{
    Synopsis    = 'Sends a payout exactly once: to an approved payee, or to an individual or business given inline, optionally on behalf of a payer.'
    Description = @'
New-Payout sends one payout per input object. Give -BeneficiaryId to pay an approved payee, or the payee inline: -FirstName and -LastName (individual) or -PayeeType Business with -CompanyName, plus -AccountNumber, -Country, -City and -AddressLine1. Add -PayerId or -PayerDetail to pay on behalf of one of your payers.

The amount is either -SendAmount, what leaves your balance with fees included, or -ReceiveAmount, what must arrive with fees paid on top. The API's own -Amount with -ChargeFlag N or Y is accepted too. Amounts are checked without culture: digits with an optional '.' and at most the currency's decimals, sent in the currency's canonical form (100 USD as 100.00, JPY without a point). "1,50", "1.234,56", "-5", "0", "1e3" and computed floating-point values such as 0.1 + 0.2 are refused with the parameter named, and nothing is sent for that row.

Every payout has a fixed -RequestId, its idempotency key. Give one per CSV row, or name the pay run with -BatchId (payroll-2026-11), from which, with the merchant and the row, one is derived that every journal, machine and concurrent run of that batch derives alike; or use -Journal alone, which derives one from the journal's own id so that a rerun with that journal finds it. Without any of them, a row without a RequestId is refused (unless -GenerateRequestId). Only transient failures are retried, with backoff. After an attempt whose answer was lost, New-Payout asks the service for that RequestId before it sends again, so a payout is never made twice: Outcome says Created, AlreadyExisted or Recovered.

Each pipeline object (a CSV row, a hashtable, any object) is one payout: its properties fill the parameters of the same name or alias, including the API's field names (sourceAmount, targetCurrency, cardNumber, countryCode, transactionPurpose…), so Import-Csv file.csv | New-Payout works. Parameters given on the command line apply to every row; a row that says otherwise is refused. A column one or two letters away from a parameter (SendAmmount, Contry) refuses the row with "did you mean"; other columns are listed once in a warning and ignored. A bad row writes a non-terminating error that names the row (its position and CSV line) and its RequestId, nothing is sent for it, and the next row goes on. Text with a control character or a character that could not be decoded (a Windows-1252 file read as UTF-8) is refused, account numbers lose spaces and dashes, and an IBAN must pass its check digits.

With -Journal, each row's intent is flushed to disk before its request leaves, and outcomes follow; a rerun with the same journal sends only what is not paid yet, looks up rows in doubt first, and refuses rows whose content changed. -ThrottleLimit sets how many requests are in flight (default 4); results stream out as rows finish, each with its Row. Ctrl+C, and SIGTERM while it sends, stop taking rows and let requests in flight finish or time out; after SIGTERM New-Payout returns its summary (Stopped) so the script ends with its code. A batch (-Path, or more than one piped row) ends with its summary line; a piped value that is no row ($null, a string, a file) is refused as what it is. At the end, -SummaryVariable receives counts, totals per currency, rows in doubt and an ExitCode (0 all paid, 1 some refused, held or failed, 2 invalid input or no rows, 3 the run could not go on, 4 rows in doubt, 5 stopped before the input ended); the variable is set before the run starts, so a terminating error still leaves its code in it. With -ErrorAction Stop, row errors are shown as warnings and the run fails only after every row has had its turn.

A journal is never created empty (its header is written to a temporary file and renamed into place), so an existing journal that is empty or has no header is refused. While a run writes, it checks at every commit that the path still names its file: deleted, emptied, replaced or its folder removed, the run stops sending and ends with an error that says so. At the end, unpaid rows of earlier runs that this input did not contain are named. A duplicate guard holds rows that look like payouts already made (see -AllowDuplicate): two identical rows without RequestIds, a row matching a payout the service made within -DuplicateWindow that this journal does not know, and a row that looks like a paid journal row edited since.

ConfirmImpact is High. -WhatIf emits the would-be payouts, masked, and sends and writes nothing (not even the journal). -Force or -Confirm:$false run without any prompt.
'@
    Parameters  = @{
        RequestId       = 'The payment''s idempotency key, at most 32 letters, digits or _ . : -. Sending the same RequestId again never pays twice. When absent one is generated (see the output) and a warning reminds you to keep it.'
        BeneficiaryId   = 'The id of an approved (PASS) payee. Leave it out to give the payee inline.'
        SendAmount      = 'What leaves your balance, fees included (chargeFlag N), in -SourceCurrency. Alias sourceAmount.'
        ReceiveAmount   = 'What must arrive, fees paid on top (chargeFlag Y), in -TargetCurrency. Alias targetAmount.'
        Amount          = 'The amount for -ChargeFlag: N means it leaves your balance, Y means it arrives.'
        ChargeFlag      = 'N or Y, the API''s flag for which amount -Amount is.'
        SourceCurrency  = 'ISO 4217 code of the balance to pay from, such as USD.'
        TargetCurrency  = 'ISO 4217 code the payee receives. Defaults to -SourceCurrency.'
        Purpose         = 'OwnAccount, PersonalRemittance, LoanRepayment, TechnicalServices, ShippingFee or BusinessServices, or the API code 0 to 5.'
        Reference       = 'The payment reference shown to the payee (at most 256 characters).'
        FeeBearing      = 'SWIFT only: SHA (fees shared) or OUR (you pay all fees).'
        PayerId         = 'Pay on behalf of an existing payer.'
        PayerDetail     = 'Pay on behalf of a payer given inline, as a hashtable or JSON text (companyName or firstName and lastName, countryCode…). Values must be single values; an empty detail is refused.'
        PayeeType       = 'Individual (default) or Business; the API''s 1 and 0 are accepted.'
        FirstName       = 'An individual payee''s first name.'
        LastName        = 'An individual payee''s last name.'
        CompanyName     = 'A business payee''s name.'
        AccountNumber   = 'The payee''s account number or IBAN. Shown masked (****3000) everywhere.'
        BankName        = 'The payee''s bank.'
        SwiftCode       = 'The bank''s SWIFT/BIC code, required for SWIFT.'
        BankCountry     = 'ISO 3166 code of the bank''s country. Defaults to -Country.'
        PaymentMethod   = 'BANK_TRANSFER (default), SWIFT, E_WALLET or CASH_PICKUP.'
        Country         = 'ISO 3166 alpha-2 code of the payee''s address, such as DE.'
        State           = 'State or province of the payee''s address.'
        City            = 'City of the payee''s address.'
        AddressLine1    = 'Street line of the payee''s address.'
        PostalCode      = 'Postal code of the payee''s address.'
        Email           = 'The payee''s email.'
        Phone           = 'The payee''s phone number.'
        WalletType      = 'E-wallet payouts: the wallet brand the corridor names (see Get-PayoutRequiredField).'
        WalletPhone     = 'E-wallet payouts: the phone number of the wallet.'
        PayeeDetail     = 'More payee fields: a hashtable (or JSON text) of receiverInfo, address and accountInfomation, each flat, merged over the parameters.'
        Path            = 'A CSV file to pay, read by the module itself (instead of Import-Csv): the whole file is checked to decode first, its name and SHA-256 go into the journal''s header, and progress shows a percentage and the time left.'
        Encoding        = 'With -Path: the file''s encoding, such as utf-8 (the default, checked strictly) or 1252 for a Windows Excel export.'
        Delimiter       = 'With -Path: the column separator (default ,); '';'' for a German Excel export.'
        InputObject     = 'A row from the pipeline: a CSV line, a hashtable or any object whose properties are named like the parameters or the API''s fields.'
        IgnoreColumn    = 'Columns of your own whose names are close to a parameter (say Notes next to Note): they are neither read nor reported.'
        Journal         = 'A batch journal (JSON Lines). Each row''s intent is written to disk before its request leaves; a rerun with the same file sends only what is not yet paid, looks up rows in doubt first, and refuses rows that changed. Rows without a RequestId get one derived from the batch and the row, so a rerun finds them. One run at a time per journal.'
        BatchId         = 'The pay run''s name, unique per pay run (the pay period: payroll-2026-11): 1 to 64 ASCII letters, digits, - _ and ., case not significant. Rows without a RequestId get one derived from the merchant, the BatchId, the row''s content and its occurrence, so any journal on any machine, and two runs at once, derive the same ids and the service pays each row once. Reusing last month''s BatchId would find last month''s payouts: such a row (its payout older than -DuplicateWindow) is held and named, never counted as paid. A journal keeps the BatchId it started with; another one is refused. Not with -GenerateRequestId.'
        ThrottleLimit   = 'How many requests may be in flight at once (1 to 64), the duplicate guard''s pages of the transaction list included. Results stream out as rows finish, each with its Row number.'
        AllowDuplicate  = 'Send rows the duplicate guard would hold: two identical rows without RequestIds, a row that matches a payout the service made within -DuplicateWindow that this journal does not know (a lost or second journal), or a row that looks like a paid journal row edited since. Without it such rows are held: never sent, reported with the earlier payout, counted as refused (exit code 1).'
        RequireApproval = 'With -Path: send nothing and create no journal (exit 3) unless at least this many distinct trusted approvers (-Approver) approved exactly this file, for this merchant and environment, unexpired, each with a certificate valid when it signed (Approve-PayoutBatch writes the approvals beside the file, as <file>.approvals). The refusal names every approval it rejected and why. A resumed journal keeps the approvals it started with, for the bytes it started with.'
        Approver        = 'With -RequireApproval: whom to trust. A folder of the approvers'' certificates (.cer, .crt or .pem, public parts only), certificate files, or 40-hex thumbprints found in the certificate store (CurrentUser or LocalMachine, My or TrustedPeople).'
        SkipBalanceCheck = 'Start without the balance check that -Path runs before its first row (the file''s cost per currency against the available balance, as Measure-PayoutBatch reports it). Rows are then paid until a balance runs out, and the rest are refused.'
        DuplicateWindow = 'How far back the duplicate guard looks in the service''s payouts (default 72 hours, so a rerun after a weekend is caught), by the service''s clock (its Date header), not this machine''s. At least one minute, at most 90 days: write 72 hours as 3.00:00:00 or (New-TimeSpan -Hours 72); a plain number would be ticks and is refused. Rows without a RequestId are always guarded; given explicitly, rows with their own RequestId are guarded too.'
        GenerateRequestId = 'Without -Journal or -BatchId, give rows that have no RequestId a random one. A rerun without those ids would pay again: prefer a RequestId column, -BatchId or -Journal.'
        CheckCorridor   = 'Also check each inline payee against what its corridor (bank country, currency, payee type, method) needs, as the service lists it (Get-PayoutRequiredField), asking once per corridor. Needs a connection, also with -ValidateOnly.'
        ValidateOnly    = 'Check every row by the same rules as sending and report every problem; send nothing and connect to nothing.'
        SummaryVariable = 'The name of a variable (without $) that receives the summary: counts by outcome, totals per currency, rows in doubt and ExitCode (0 all paid, 1 some not paid, 2 invalid input, 3 the run could not go on, 4 rows in doubt, 5 stopped before the input ended). Set before the run starts, so every ending leaves its code in it.'
        Force           = 'Send without a confirmation prompt (for scheduled tasks). -WhatIf still wins.'
        Context         = 'The connection to use. Defaults to the one Connect-PayoutEnvironment made in this runspace.'
    }
    Examples    = @(
        @{
            Title   = 'Pay an individual'
            Code    = 'New-Payout -RequestId INV-42 -FirstName Anna -LastName Müller -AccountNumber DE89370400440532013000 -Country DE -City Berlin -AddressLine1 ''Unter den Linden 1'' -SendAmount 100.00 -SourceCurrency USD -TargetCurrency EUR -Purpose PersonalRemittance'
            Remarks = 'Asks for confirmation, then emits the payout with its PayoutId and status.'
        }
        @{
            Title   = 'Pay a CSV file unattended'
            Code    = 'Import-Csv payroll.csv | New-Payout -Force -ErrorVariable refused | Export-Csv results.csv'
            Remarks = 'Rows with errors are in $refused, each naming the field. Running the file again pays nothing twice.'
        }
        @{
            Title   = 'Pay an approved payee on behalf of a payer, so that 50.00 EUR arrives'
            Code    = 'New-Payout -RequestId CREATOR-7 -BeneficiaryId 1775000000000000001 -PayerId 1776000000000000001 -ReceiveAmount 50.00 -SourceCurrency USD -TargetCurrency EUR -Purpose BusinessServices -Force'
            Remarks = 'The fees are paid on top of the 50.00 EUR.'
        }
        @{
            Title   = 'Pay a month''s payroll that survives a crash, 16 at a time'
            Code    = 'New-Payout -Path payroll.csv -BatchId payroll-2026-11 -Journal payroll.journal -ThrottleLimit 16 -Force -SummaryVariable summary | Export-Csv results.csv; exit $summary.ExitCode'
            Remarks = 'Killed halfway, the same command resumes: paid rows are not sent again, rows in doubt are looked up first. The same command on a second server (its own journal) derives the same RequestIds from -BatchId, so the service pays each row once.'
        }
        @{
            Title   = 'Check a file before paying it'
            Code    = 'Import-Csv payroll.csv | New-Payout -ValidateOnly -Journal payroll.journal'
            Remarks = 'Reports every bad row at once; sends nothing and connects to nothing.'
        }
        @{
            Title   = 'Preview a batch'
            Code    = 'Import-Csv payroll.csv | New-Payout -WhatIf | Format-Table'
            Remarks = 'Nothing is sent.'
        }
    )
    Links       = @('Get-PayoutStatus', 'Connect-PayoutEnvironment')
}
