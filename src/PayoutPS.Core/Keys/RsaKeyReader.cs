using System;
using System.IO;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;

namespace PayoutPS.Core.Keys
{
    /// <summary>
    /// Parses RSA keys with BouncyCastle and hands them to the platform's RSA. This is the only type
    /// that touches BouncyCastle, so the assembly loads only when an RSA key is actually used.
    /// </summary>
    internal static class RsaKeyReader
    {
        private static readonly Regex PemHeader = new Regex("-----BEGIN ([A-Z0-9 ]+)-----", RegexOptions.CultureInvariant);

        private const string Expected =
            "expected an RSA key as PEM (BEGIN RSA PRIVATE KEY, BEGIN PRIVATE KEY, BEGIN ENCRYPTED PRIVATE KEY, " +
            "BEGIN PUBLIC KEY) or bare base64 PKCS#8 / X.509 DER";

        /// <summary>Reads a private or public RSA key; <paramref name="isPrivate"/> says which it was.</summary>
        public static RSA Read(string text, string? passphrase, out bool isPrivate)
        {
            var key = text.Contains("-----BEGIN") ? ReadPem(text, passphrase) : ReadBareBase64(text);
            return ToPlatformRsa(key, out isPrivate);
        }

        private static AsymmetricKeyParameter ReadPem(string text, string? passphrase)
        {
            var match = PemHeader.Match(text);
            var type = match.Success ? match.Groups[1].Value : "(unreadable header)";
            switch (type)
            {
                case "RSA PRIVATE KEY":
                case "PRIVATE KEY":
                case "PUBLIC KEY":
                case "RSA PUBLIC KEY":
                    break;
                case "ENCRYPTED PRIVATE KEY":
                    if (string.IsNullOrEmpty(passphrase))
                    {
                        throw new PayoutKeyException(
                            "The key is encrypted (BEGIN ENCRYPTED PRIVATE KEY) but no passphrase was given; pass it with -KeyPassphrase.");
                    }

                    break;
                case "EC PRIVATE KEY":
                case "EC PARAMETERS":
                    throw new PayoutKeyException($"The PEM holds an EC key ({type}); PayoutPS signs with RSA keys: {Expected}.");
                default:
                    throw new PayoutKeyException($"The PEM block is '{type}', not an RSA key; {Expected}.");
            }

            object? parsed;
            try
            {
                using (var reader = new StringReader(text))
                {
                    parsed = new PemReader(reader, new Passphrase(passphrase)).ReadObject();
                }
            }
            catch (Exception ex) when (!(ex is PayoutKeyException))
            {
                // Parser messages can quote input; we name the cause instead of passing them on.
                if (type == "ENCRYPTED PRIVATE KEY" || text.Contains("ENCRYPTED"))
                {
                    throw new PayoutKeyException("The passphrase does not decrypt the key (wrong passphrase or damaged key).");
                }

                throw new PayoutKeyException($"The PEM block '{type}' could not be parsed (damaged or truncated); {Expected}.");
            }

            switch (parsed)
            {
                case AsymmetricCipherKeyPair pair:
                    return pair.Private;
                case AsymmetricKeyParameter key:
                    return key;
                case null:
                    throw new PayoutKeyException($"The PEM block '{type}' is empty or truncated; {Expected}.");
                default:
                    throw new PayoutKeyException($"The PEM block '{type}' is not a key; {Expected}.");
            }
        }

        private static AsymmetricKeyParameter ReadBareBase64(string text)
        {
            byte[] der;
            try
            {
                der = Convert.FromBase64String(Regex.Replace(text, "\\s+", string.Empty));
            }
            catch (FormatException)
            {
                throw new PayoutKeyException($"The key text is not valid base64 (truncated or not a key); {Expected}.");
            }

            try
            {
                return PrivateKeyFactory.CreateKey(der);
            }
            catch (Exception)
            {
                // Not a private key: it may be a public one.
            }

            try
            {
                return PublicKeyFactory.CreateKey(der);
            }
            catch (Exception)
            {
                throw new PayoutKeyException($"The base64 key is not a PKCS#8 private key or an X.509 public key (truncated or damaged?); {Expected}.");
            }
        }

        private static RSA ToPlatformRsa(AsymmetricKeyParameter key, out bool isPrivate)
        {
            RSAParameters parameters;
            switch (key)
            {
                case RsaPrivateCrtKeyParameters privateKey:
                    parameters = DotNetUtilities.ToRSAParameters(privateKey);
                    isPrivate = true;
                    break;
                case RsaKeyParameters publicKey when !publicKey.IsPrivate:
                    parameters = DotNetUtilities.ToRSAParameters(publicKey);
                    isPrivate = false;
                    break;
                case ECKeyParameters _:
                    throw new PayoutKeyException($"The key is an EC key; PayoutPS signs with RSA keys: {Expected}.");
                default:
                    throw new PayoutKeyException($"The key is a {key.GetType().Name.Replace("Parameters", string.Empty)} key, not RSA; {Expected}.");
            }

            var rsa = RSA.Create();
            rsa.ImportParameters(parameters);
            return rsa;
        }

        private sealed class Passphrase : IPasswordFinder
        {
            private readonly string? _value;

            public Passphrase(string? value)
            {
                _value = value;
            }

            public char[] GetPassword() => (_value ?? string.Empty).ToCharArray();
        }
    }
}
