using System.Text;
using System.Xml;
using Gateway.Adapters.Soap;

namespace Gateway.UnitTests.Portals;

public sealed class SafeXmlTests
{
    static SafeXmlTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE a [<!ENTITY l "lol"><!ENTITY l2 "&l;&l;&l;&l;">]><a>&l2;</a>""")]
    [InlineData("""<!DOCTYPE a SYSTEM "http://127.0.0.1:1/evil.dtd"><a/>""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE a><a/>""")]
    public void Any_doctype_is_refused(string xml) =>
        Assert.Throws<XmlException>(() => SafeXml.Load(Encoding.UTF8.GetBytes(xml)));

    [Theory]
    [InlineData("GBK")]
    [InlineData("gbk")]
    [InlineData("GB2312")]
    [InlineData("GB18030")]
    [InlineData("UTF-8")]
    public void Declared_chinese_encodings_are_decoded(string name)
    {
        var text = $"""<?xml version="1.0" encoding="{name}"?><a>濮阳县张喆</a>""";
        Assert.Equal("濮阳县张喆", SafeXml.Load(Encoding.GetEncoding(name).GetBytes(text)).Root!.Value);
    }

    [Fact]
    public void Utf8_with_a_byte_order_mark_and_no_declaration_is_read()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("<a>新县</a>")).ToArray();
        Assert.Equal("新县", SafeXml.Load(body).Root!.Value);
    }

    [Theory]
    [InlineData("ISO-8859-1")]
    [InlineData("Big5")]
    [InlineData("UTF-16")]
    public void Encodings_outside_the_agreement_are_refused(string name) =>
        Assert.Throws<XmlException>(() => SafeXml.Load(Encoding.ASCII.GetBytes($"""<?xml version="1.0" encoding="{name}"?><a/>""")));

    [Theory]
    [InlineData("""<?xml version="1.0" encoding="GBK"?><a/>""", "GBK")]
    [InlineData("""<?xml version='1.0' encoding = 'gb18030' standalone='yes'?><a/>""", "gb18030")]
    [InlineData("""<?xml version="1.0"?><a/>""", null)]
    [InlineData("""<a encoding="GBK"/>""", null)]
    public void The_declared_encoding_is_read_from_the_declaration_only(string xml, string? expected) =>
        Assert.Equal(expected, SafeXml.DeclaredEncoding(Encoding.ASCII.GetBytes(xml)));
}
