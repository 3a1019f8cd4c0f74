using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace PayoutPS.Internal
{
    /// <summary>
    /// Certificates as the cmdlets are given them: by thumbprint from a store (what a scheduled task running as SYSTEM
    /// or a gMSA has, with no user profile), from a .pfx or PEM file, or a folder of trusted approvers' .cer files.
    /// </summary>
    internal static class Certificates
    {
        private static readonly Regex Thumbprint = new Regex("^[0-9A-Fa-f]{40}$");

        /// <summary>The thumbprint as Windows shows it, spaces and an invisible mark from a copy out of certlm.msc removed.</summary>
        public static string NormalizeThumbprint(string thumbprint) =>
            new string(thumbprint.Where(Uri.IsHexDigit).ToArray()).ToUpperInvariant();

        /// <summary>The certificate of <paramref name="thumbprint"/> in the My store of <paramref name="location"/>; the caller disposes it.</summary>
        public static X509Certificate2 FromStore(string thumbprint, StoreLocation location)
        {
            var wanted = NormalizeThumbprint(thumbprint);
            if (!Thumbprint.IsMatch(wanted))
            {
                throw new ArgumentException($"-CertificateThumbprint {thumbprint} is not a thumbprint: 40 hex characters, as certlm.msc or Get-ChildItem Cert:\\{location}\\My show it.");
            }

            return FindInStore(wanted, location)
                ?? throw new ArgumentException($"No certificate with thumbprint {wanted} in {location}\\My. List them with Get-ChildItem Cert:\\{location}\\My (on Linux: the .NET store of this user).");
        }

        /// <summary>A .pfx/.p12 (with <paramref name="password"/>) or, on PowerShell 7, a PEM certificate with its PEM key.</summary>
        public static X509Certificate2 FromFile(string path, SecureString? password, string? keyPath)
        {
            if (!File.Exists(path))
            {
                throw new ArgumentException($"-CertificatePath {path}: there is no such file.");
            }

            var extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension == ".pfx" || extension == ".p12")
            {
                // EphemeralKeySet on .NET: the key stays in memory, never written to a key container.
                var flags = X509KeyStorageFlags.DefaultKeySet;
#if !NETFRAMEWORK
                flags = X509KeyStorageFlags.EphemeralKeySet;
#endif
                try
                {
                    return new X509Certificate2(path, password, flags);
                }
                catch (CryptographicException ex)
                {
                    throw new ArgumentException($"-CertificatePath {path} cannot be opened: {ex.Message.Trim()} (a wrong -Password?).", ex);
                }
            }

#if NETFRAMEWORK
            throw new ArgumentException($"-CertificatePath {path}: Windows PowerShell reads a .pfx with its key; give one, or use -CertificateThumbprint.");
#else
            if (keyPath == null)
            {
                throw new ArgumentException($"-CertificatePath {path} is not a .pfx: give its private key too with -KeyPath (PEM), or a .pfx.");
            }

            try
            {
                return password == null
                    ? X509Certificate2.CreateFromPemFile(path, keyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, SecureText.Reveal(password), keyPath);
            }
            catch (CryptographicException ex)
            {
                throw new ArgumentException($"-CertificatePath {path} with -KeyPath {keyPath} cannot be read as a PEM certificate and key: {ex.Message.Trim()}", ex);
            }
#endif
        }

        /// <summary>
        /// The trusted approvers from -Approver: a folder (every .cer, .crt and .pem in it), a certificate file, or a
        /// thumbprint found in CurrentUser\My, CurrentUser\TrustedPeople, LocalMachine\My or LocalMachine\TrustedPeople.
        /// </summary>
        public static List<X509Certificate2> Trusted(IEnumerable<string> items, PathIntrinsics paths)
        {
            var trusted = new List<X509Certificate2>();
            foreach (var item in items)
            {
                var full = paths.GetUnresolvedProviderPathFromPSPath(item);
                if (Directory.Exists(full))
                {
                    var files = Directory.GetFiles(full).Where(f => new[] { ".cer", ".crt", ".pem" }.Contains(Path.GetExtension(f).ToLowerInvariant())).OrderBy(f => f, StringComparer.Ordinal).ToList();
                    if (files.Count == 0)
                    {
                        throw new ArgumentException($"-Approver {item} is a folder with no .cer, .crt or .pem file: put the approvers' certificates there (public parts only).");
                    }

                    trusted.AddRange(files.Select(Read));
                }
                else if (File.Exists(full))
                {
                    trusted.Add(Read(full));
                }
                else if (Thumbprint.IsMatch(NormalizeThumbprint(item)) && NormalizeThumbprint(item).Length == item.Trim().Length)
                {
                    trusted.Add(FindTrusted(NormalizeThumbprint(item))
                        ?? throw new ArgumentException($"-Approver {item}: no certificate with that thumbprint in CurrentUser or LocalMachine (My, TrustedPeople)."));
                }
                else
                {
                    throw new ArgumentException($"-Approver {item} is no folder, certificate file or thumbprint: give a folder of the approvers' .cer files, a .cer file, or a 40-hex thumbprint.");
                }
            }

            return trusted;
        }

        private static X509Certificate2 Read(string file)
        {
            try
            {
#if NETFRAMEWORK
                return new X509Certificate2(file);
#else
                return File.ReadAllText(file).Contains("-----BEGIN CERTIFICATE-----") ? X509Certificate2.CreateFromPem(File.ReadAllText(file)) : new X509Certificate2(file);
#endif
            }
            catch (CryptographicException ex)
            {
                throw new ArgumentException($"-Approver: {file} is not a certificate ({ex.Message.Trim()}).", ex);
            }
        }

        private static X509Certificate2? FindTrusted(string thumbprint) =>
            new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine }
                .SelectMany(location => new[] { StoreName.My, StoreName.TrustedPeople }.Select(name => FindInStore(thumbprint, location, name)))
                .FirstOrDefault(found => found != null);

        private static X509Certificate2? FindInStore(string thumbprint, StoreLocation location, StoreName name = StoreName.My)
        {
            try
            {
                using var store = new X509Store(name, location);
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
                var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
                return found.Count == 0 ? null : found[0];
            }
            catch (CryptographicException)
            {
                return null; // a store this platform does not have (LocalMachine\My on Linux), or one that does not exist
            }
        }
    }
}
