using System;
using System.Management.Automation;
using System.Security;
using PayoutPS.Core.Keys;
using PayoutPS.Core.Signing;

namespace PayoutPS.Internal
{
    /// <summary>
    /// Finds the merchant key, in this order: -Credential, -SecretKey, -KeyPath (+ -KeyPassphrase), then the
    /// environment variables PAYOUTPS_KEY_PATH (+ PAYOUTPS_KEY_PASSPHRASE) and PAYOUTPS_SECRET_KEY. Nothing
    /// prompts, so it works the same under a service account with no profile.
    /// </summary>
    internal static class KeyResolver
    {
        public const string MerchantVariable = "PAYOUTPS_MERCHANT_ID";
        public const string SecretVariable = "PAYOUTPS_SECRET_KEY";
        public const string KeyPathVariable = "PAYOUTPS_KEY_PATH";
        public const string PassphraseVariable = "PAYOUTPS_KEY_PASSPHRASE";

        public static (T Key, string Source) Resolve<T>(
            PSCmdlet cmdlet,
            PSCredential? credential,
            SecureString? secretKey,
            string? keyPath,
            SecureString? passphrase,
            SignatureScheme? scheme,
            Func<string, string?, SignatureScheme?, T> fromText,
            Func<string, string?, SignatureScheme?, T> fromFile)
        {
            var given = (credential != null ? 1 : 0) + (secretKey != null ? 1 : 0) + (keyPath != null ? 1 : 0);
            if (given > 1)
            {
                throw new PayoutKeyException("Give the key one way only: -Credential, -SecretKey or -KeyPath.");
            }

            if (credential != null)
            {
                return (fromText(credential.GetNetworkCredential().Password, null, scheme), "Credential");
            }

            if (secretKey != null)
            {
                return (fromText(SecureText.Reveal(secretKey) ?? string.Empty, null, scheme), "SecretKey");
            }

            if (keyPath != null)
            {
                var path = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(keyPath);
                return (fromFile(path, SecureText.Reveal(passphrase), scheme), "KeyPath " + path);
            }

            var variablePath = Variable(KeyPathVariable);
            if (!string.IsNullOrEmpty(variablePath))
            {
                if (!System.IO.Path.IsPathRooted(variablePath))
                {
                    // A scheduled task's working directory is System32: a relative path would find the wrong file or none.
                    throw new PayoutKeyException(
                        $"${KeyPathVariable} is the relative path '{variablePath}'. Give the full path (such as C:\\keys\\merchant.pem): " +
                        "a scheduled task or service does not start in the folder you expect.");
                }

                return (fromFile(variablePath!, Environment.GetEnvironmentVariable(PassphraseVariable), scheme), $"${KeyPathVariable} ({variablePath})");
            }

            var variableSecret = Variable(SecretVariable);
            if (!string.IsNullOrEmpty(variableSecret))
            {
                return (fromText(variableSecret!, null, scheme), "$" + SecretVariable);
            }

            throw new PayoutKeyException(
                $"No key: give -Credential, -SecretKey or -KeyPath, or set ${KeyPathVariable} or ${SecretVariable} for unattended runs.");
        }

        /// <summary>-MerchantId, then the credential's user name, then $PAYOUTPS_MERCHANT_ID.</summary>
        public static string? MerchantId(string? given, PSCredential? credential)
        {
            if (!string.IsNullOrWhiteSpace(given))
            {
                return given!.Trim();
            }

            if (credential != null && !string.IsNullOrEmpty(credential.UserName))
            {
                return credential.UserName.TrimStart('\\');
            }

            return Variable(MerchantVariable);
        }

        /// <summary>
        /// An environment variable as meant: trimmed (a trailing space or newline from `setx` or a file is never
        /// part of an id, path or key), null when blank, refused when a control character is left inside.
        /// </summary>
        public static string? Variable(string name)
        {
            var value = Environment.GetEnvironmentVariable(name)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            foreach (var c in value!)
            {
                if (char.IsControl(c))
                {
                    throw new PayoutKeyException($"${name} contains a control character (U+{(int)c:X4}) inside its value; set it again with the value alone.");
                }
            }

            return value;
        }
    }
}
