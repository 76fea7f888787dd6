using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Gateway.Adapters.Security;

/// <summary>
/// SM4 (GB/T 32907-2016) in GCM mode via BouncyCastle: authenticated encryption with a 128-bit key,
/// a fresh random 96-bit nonce per value and a 128-bit tag. Output = nonce ‖ ciphertext ‖ tag.
/// </summary>
public static class Sm4GcmCipher
{
    public const int KeyBytes = 16;
    public const int NonceBytes = 12;
    public const int TagBits = 128;

    public static byte[] Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData) =>
        Encrypt(key, RandomNumberGenerator.GetBytes(NonceBytes), plaintext, associatedData);

    /// <summary>With a given nonce: for test vectors only — a nonce must never repeat under one key.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> key, byte[] nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        if (nonce.Length != NonceBytes) throw new ArgumentException($"the nonce is {NonceBytes} bytes", nameof(nonce));
        var cipher = Create(key, nonce, associatedData, forEncryption: true);
        var output = new byte[NonceBytes + cipher.GetOutputSize(plaintext.Length)];
        nonce.CopyTo(output, 0);
        var input = plaintext.ToArray();
        var written = cipher.ProcessBytes(input, 0, input.Length, output, NonceBytes);
        cipher.DoFinal(output, NonceBytes + written);
        return output;
    }

    /// <summary>The plaintext; <see cref="CryptographicException"/> when the key is wrong or the value was altered.</summary>
    public static byte[] Decrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedValue, ReadOnlySpan<byte> associatedData)
    {
        if (sealedValue.Length < NonceBytes + TagBits / 8) throw new CryptographicException("SM4-GCM value is too short");
        var cipher = Create(key, sealedValue[..NonceBytes].ToArray(), associatedData, forEncryption: false);
        var input = sealedValue[NonceBytes..].ToArray();
        var output = new byte[cipher.GetOutputSize(input.Length)];
        try
        {
            var written = cipher.ProcessBytes(input, 0, input.Length, output, 0);
            written += cipher.DoFinal(output, written);
            return output[..written];
        }
        catch (InvalidCipherTextException)
        {
            throw new CryptographicException("SM4-GCM authentication failed (wrong key or altered value)");
        }
    }

    /// <summary>One SM4 block (ECB, no padding): what the GB/T 32907-2016 example vector checks.</summary>
    public static byte[] EncryptBlock(ReadOnlySpan<byte> key, ReadOnlySpan<byte> block)
    {
        var engine = new SM4Engine();
        engine.Init(true, new KeyParameter(key.ToArray()));
        var output = new byte[engine.GetBlockSize()];
        engine.ProcessBlock(block.ToArray(), 0, output, 0);
        return output;
    }

    private static GcmBlockCipher Create(ReadOnlySpan<byte> key, byte[] nonce, ReadOnlySpan<byte> associatedData, bool forEncryption)
    {
        if (key.Length != KeyBytes) throw new ArgumentException($"an SM4 key is {KeyBytes} bytes", nameof(key));
        var cipher = new GcmBlockCipher(new SM4Engine());
        cipher.Init(forEncryption, new AeadParameters(new KeyParameter(key.ToArray()), TagBits, nonce, associatedData.ToArray()));
        return cipher;
    }
}
