using System.Text;
using Gateway.Adapters.Security;
using Org.BouncyCastle.Crypto.Digests;

namespace Gateway.UnitTests.Security;

/// <summary>The published test vectors of SM3 (GM/T 0004-2012), SM4 (GB/T 32907-2016) and SM4-GCM (RFC 8998 A.1).</summary>
public sealed class NationalCryptoVectorTests
{
    private static byte[] Hex(string hex) => Convert.FromHexString(hex);

    private static byte[] Sm3(byte[] data)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data, 0, data.Length);
        var result = new byte[digest.GetDigestSize()];
        digest.DoFinal(result, 0);
        return result;
    }

    [Theory]
    [InlineData("abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")]
    [InlineData("abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd", "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")]
    public void Sm3_matches_the_gm_t_0004_examples(string message, string expected) =>
        Assert.Equal(expected, Convert.ToHexStringLower(Sm3(Encoding.ASCII.GetBytes(message))));

    [Theory]
    [InlineData("k", "message")]
    [InlineData("dev-only-secret-zhejiang", "POST\n/api/portals/zhejiang/applications\n\nzhejiang\nMon, 23 Nov 2026 01:30:00 GMT\nnonce-0123456789ab\ne3b0\n")]
    public void Hmac_sm3_is_rfc_2104_over_sm3(string secret, string text)
    {
        // HMAC built by hand from the SM3 primitive (64-byte block): H((K ^ opad) || H((K ^ ipad) || m)).
        var key = Encoding.UTF8.GetBytes(secret);
        if (key.Length > 64) key = Sm3(key);
        var block = new byte[64];
        key.CopyTo(block, 0);
        var inner = Sm3([.. block.Select(b => (byte)(b ^ 0x36)), .. Encoding.UTF8.GetBytes(text)]);
        var expected = Sm3([.. block.Select(b => (byte)(b ^ 0x5c)), .. inner]);
        Assert.Equal(Convert.ToBase64String(expected), RequestSignature.Sign(SignatureHeaders.HmacSm3, secret, text));
    }

    [Fact]
    public void Sm4_block_matches_the_gb_t_32907_example()
    {
        var key = Hex("0123456789abcdeffedcba9876543210");
        Assert.Equal("681edf34d206965e86b3e94f536e4246", Convert.ToHexStringLower(Sm4GcmCipher.EncryptBlock(key, key)));
    }

    [Fact]
    public void Sm4_block_encrypted_a_million_times_matches_the_gb_t_32907_example()
    {
        var key = Hex("0123456789abcdeffedcba9876543210");
        var block = key;
        for (var i = 0; i < 1_000_000; i++) block = Sm4GcmCipher.EncryptBlock(key, block);
        Assert.Equal("595298c7c6fd271f0402f804c33d3f66", Convert.ToHexStringLower(block));
    }

    [Fact]
    public void Sm4_gcm_matches_rfc_8998_and_round_trips()
    {
        var key = Hex("0123456789ABCDEFFEDCBA9876543210");
        var nonce = Hex("00001234567800000000ABCD");
        var aad = Hex("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
        var plain = Hex("AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDDEEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");
        var sealedValue = Sm4GcmCipher.Encrypt(key, nonce, plain, aad);
        Assert.Equal(
            "00001234567800000000ABCD" +
            "17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D" +
            "83DE3541E4C2B58177E065A9BF7B62EC", Convert.ToHexString(sealedValue));
        Assert.Equal(plain, Sm4GcmCipher.Decrypt(key, sealedValue, aad));
    }

    [Fact]
    public void Sm4_gcm_refuses_an_altered_value_a_wrong_key_or_other_associated_data()
    {
        var key = Hex("0123456789ABCDEFFEDCBA9876543210");
        var sealedValue = Sm4GcmCipher.Encrypt(key, "13905851234"u8, "ad"u8);
        var altered = (byte[])sealedValue.Clone();
        altered[^1] ^= 1;
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() => Sm4GcmCipher.Decrypt(key, altered, "ad"u8));
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() => Sm4GcmCipher.Decrypt(new byte[16], sealedValue, "ad"u8));
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() => Sm4GcmCipher.Decrypt(key, sealedValue, "other"u8));
        Assert.NotEqual(sealedValue, Sm4GcmCipher.Encrypt(key, "13905851234"u8, "ad"u8)); // fresh nonce each time
    }
}
