using System;
using System.Collections.Generic;

namespace PayoutPS.Core.Input
{
    /// <summary>
    /// A batch file read as rows of named fields, twice from the same bytes: once whole to check, count and price
    /// (<see cref="CountRows"/>), then row by row to pay (<see cref="Rows"/>). A CSV file, or an ISO 20022 pain.001.
    /// </summary>
    public interface IRowFile : IDisposable
    {
        /// <summary>The fields every row has, in the order <see cref="CountRows"/> gives their values.</summary>
        IReadOnlyList<string> Columns { get; }

        /// <summary>Blank lines skipped (a CSV file's); 0 for other files.</summary>
        int BlankLines { get; }

        /// <summary>SHA-256 of the file's bytes, lowercase hex: what the journal records and an approval signs.</summary>
        string Sha256();

        /// <summary>Reads the whole file, refusing one that cannot be paid as a whole; returns the number of rows.</summary>
        int CountRows(Action<int, IReadOnlyList<string>>? eachRow = null);

        /// <summary>Each row in file order, from the bytes counted and hashed.</summary>
        IEnumerable<CsvRow> Rows();

        /// <summary>Where row <paramref name="line"/> (a <see cref="CsvRow.Line"/>) is, for messages: "CSV line 5", "PmtInf 1, CdtTrfTxInf 3, EndToEndId E2E-3".</summary>
        string Where(int line);

        /// <summary>Whether the file on disk is no longer the bytes read.</summary>
        bool ChangedOnDisk();
    }
}
