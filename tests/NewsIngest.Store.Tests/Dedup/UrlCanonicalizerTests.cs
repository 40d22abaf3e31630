using NewsIngest.Store.Dedup;

namespace NewsIngest.Store.Tests.Dedup;

public sealed class UrlCanonicalizerTests
{
    [Theory]
    [InlineData("HTTPS://Example.COM/News/Story-1", "https://example.com/News/Story-1")]
    [InlineData("http://example.com/a", "https://example.com/a")]
    [InlineData("https://example.com:443/a", "https://example.com/a")]
    [InlineData("http://example.com:80/a", "https://example.com/a")]
    [InlineData("https://example.com:8443/a", "https://example.com:8443/a")]
    [InlineData("https://example.com/a#comments", "https://example.com/a")]
    [InlineData("https://example.com/a/", "https://example.com/a")]
    [InlineData("https://example.com/", "https://example.com/")]
    [InlineData("https://example.com", "https://example.com/")]
    [InlineData("https://www.example.com/a", "https://example.com/a")]
    public void Canonicalize_CaseSchemePortFragmentSlash_FoldedAway(string url, string expected)
    {
        // Act
        var canonical = UrlCanonicalizer.Canonicalize(url);

        // Assert
        canonical.ShouldBe(expected);
    }

    [Theory]
    [InlineData("https://example.com/a?utm_source=rss&utm_medium=feed&utm_campaign=x")]
    [InlineData("https://example.com/a?fbclid=IwAR0abc")]
    [InlineData("https://example.com/a?gclid=123&mc_cid=9&mc_eid=8")]
    [InlineData("https://example.com/a?ref=homepage")]
    [InlineData("https://example.com/a?UTM_Source=x&_ga=2.1")]
    [InlineData("https://example.com/a?amp")]
    [InlineData("https://example.com/a?amp=1")]
    public void Canonicalize_TrackingParameters_Removed(string url)
    {
        // Act
        var canonical = UrlCanonicalizer.Canonicalize(url);

        // Assert
        canonical.ShouldBe("https://example.com/a");
    }

    [Fact]
    public void Canonicalize_ContentParametersInAnyOrder_KeptAndSorted()
    {
        // Act
        var first = UrlCanonicalizer.Canonicalize("https://example.com/story?page=2&id=77&utm_source=x");
        var second = UrlCanonicalizer.Canonicalize("https://example.com/story?id=77&page=2");

        // Assert
        first.ShouldBe("https://example.com/story?id=77&page=2");
        second.ShouldBe(first);
    }

    [Theory]
    [InlineData("https://m.example.com/news/a")]
    [InlineData("https://mobile.example.com/news/a")]
    [InlineData("https://amp.example.com/news/a")]
    [InlineData("https://example.com/news/a/amp")]
    [InlineData("https://example.com/news/a/amp/")]
    [InlineData("https://example.com/amp/news/a")]
    [InlineData("https://www.m.example.com/news/a?amp")]
    public void Canonicalize_MobileAndAmpVariants_GiveTheDesktopAddress(string url)
    {
        // Act
        var canonical = UrlCanonicalizer.Canonicalize(url);

        // Assert
        canonical.ShouldBe("https://example.com/news/a");
    }

    [Fact]
    public void Canonicalize_AmpHtmlPage_GivesThePlainHtmlPage()
    {
        // Act
        var canonical = UrlCanonicalizer.Canonicalize("https://example.com/2026/11/story.amp.html");

        // Assert
        canonical.ShouldBe("https://example.com/2026/11/story.html");
    }

    [Fact]
    public void Canonicalize_HostThatIsOnlyAPrefixAndSuffix_KeepsItsName()
    {
        // Act
        var canonical = UrlCanonicalizer.Canonicalize("https://m.com/a");

        // Assert
        canonical.ShouldBe("https://m.com/a");
    }

    [Fact]
    public void Canonicalize_WordsContainingAmp_AreNotAmpVariants()
    {
        // Act
        var canonical = UrlCanonicalizer.Canonicalize("https://example.com/news/champions-stamp?camp=1");

        // Assert
        canonical.ShouldBe("https://example.com/news/champions-stamp?camp=1");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("urn:uuid:6f1c2a0e-8d1b-4c55-9a51-0d5c6b1e2f3a")]
    [InlineData("ftp://example.com/a")]
    public void Canonicalize_NoAbsoluteAddress_GivesNull(string? url)
    {
        // Act
        var canonical = UrlCanonicalizer.Canonicalize(url);

        // Assert
        canonical.ShouldBeNull();
    }
}
