using System;
using System.Diagnostics;
using System.IO;

namespace PayoutPS.Core.Tests
{
    /// <summary>
    /// RSA and EC keys made by the openssl command line (an independent implementation), once per test run,
    /// in every format the module accepts.
    /// </summary>
    internal sealed class OpenSslKeys
    {
        public const string Passphrase = "correct horse battery";

        private static readonly Lazy<OpenSslKeys> Instance = new Lazy<OpenSslKeys>(() => new OpenSslKeys());

        private OpenSslKeys()
        {
            Directory = Path.Combine(Path.GetTempPath(), "payoutps-keys-" + Guid.NewGuid().ToString("N"));
            // Private keys, even test ones: only this user may read them while they exist, and they go at exit.
            if (OperatingSystem.IsWindows())
            {
                System.IO.Directory.CreateDirectory(Directory);
            }
            else
            {
                System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.Directory.Delete(Directory, recursive: true);
            Run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", PathOf("pkcs8.pem"));
            Run("rsa", "-in", PathOf("pkcs8.pem"), "-traditional", "-out", PathOf("pkcs1.pem"));
            Run("pkcs8", "-topk8", "-in", PathOf("pkcs8.pem"), "-v2", "aes-256-cbc", "-passout", "pass:" + Passphrase, "-out", PathOf("encrypted.pem"));
            Run("pkcs8", "-topk8", "-nocrypt", "-in", PathOf("pkcs8.pem"), "-outform", "DER", "-out", PathOf("pkcs8.der"));
            Run("pkey", "-in", PathOf("pkcs8.pem"), "-pubout", "-out", PathOf("public.pem"));
            Run("pkey", "-in", PathOf("pkcs8.pem"), "-pubout", "-outform", "DER", "-out", PathOf("public.der"));
            Run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", PathOf("other.pem"));
            Run("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", PathOf("ec.pem"));
            Run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", PathOf("ec-pkcs8.pem"));
            if (!OperatingSystem.IsWindows())
            {
                foreach (var file in System.IO.Directory.GetFiles(Directory))
                {
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }
        }

        public static OpenSslKeys Shared => Instance.Value;

        public string Directory { get; }

        public string Pkcs8Pem => Read("pkcs8.pem");

        public string Pkcs1Pem => Read("pkcs1.pem");

        public string EncryptedPem => Read("encrypted.pem");

        public string Pkcs8Base64 => Convert.ToBase64String(File.ReadAllBytes(PathOf("pkcs8.der")));

        public string PublicPem => Read("public.pem");

        public string PublicBase64 => Convert.ToBase64String(File.ReadAllBytes(PathOf("public.der")));

        public string OtherPem => Read("other.pem");

        public string EcPem => Read("ec.pem");

        public string EcPkcs8Pem => Read("ec-pkcs8.pem");

        public string PathOf(string name) => Path.Combine(Directory, name);

        public string Read(string name) => File.ReadAllText(PathOf(name));

        /// <summary>Runs openssl and returns its exit code; throws when it cannot start.</summary>
        public static int Run(params string[] arguments)
        {
            var start = new ProcessStartInfo("openssl") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode;
        }
    }
}
