using System.Text.RegularExpressions;

namespace NewsIngest.Fetcher.Feeds;

/// <summary>Authors, contributors and publishers: names, emails and URIs, and "name (email)" lines.</summary>
internal sealed partial class FeedBuilder
{
    private void EndName()
    {
        var value = Pop("name");
        if (_inPublisher || _inContributor)
        {
            return;
        }

        if (_inAuthor)
        {
            SaveAuthor(AuthorField.Name, value);
        }
        else if (_inTextInput && value is not null)
        {
            Context().Values["name"] = value;
        }
    }

    /// <summary>
    /// Records a name, email or URI of the author being read, both on that author and on the context's author
    /// detail, which gathers fields across authors (a later author's field replaces an earlier one's).
    /// </summary>
    private void SaveAuthor(AuthorField field, string? value)
    {
        var context = Context();
        if (context.Authors.Count == 0)
        {
            context.Authors.Add(new AuthorDetail());
        }

        context.Author ??= new AuthorDetail();
        SyncAuthor(context); // as feedparser does: an earlier author line can seed this author's missing fields
        foreach (var target in (ReadOnlySpan<AuthorDetail>)[context.Authors[^1], context.Author])
        {
            switch (field)
            {
                case AuthorField.Name:
                    target.Name = value;
                    break;
                case AuthorField.Email:
                    target.Email = value;
                    break;
                default:
                    target.Href = value;
                    break;
            }
        }
    }

    /// <summary>Derives the author line from name/email, or name and email from a free-text author line.</summary>
    private static void SyncAuthor(FeedContext context)
    {
        var detail = context.Authors.Count > 0 ? context.Authors[^1] : new AuthorDetail();
        if (detail.HasNameOrEmail)
        {
            context.Values["author"] = detail.Display()!;
            return;
        }

        var author = context.Get("author");
        if (author is null)
        {
            return;
        }

        string? email = null;
        var match = EmailPattern().Match(author);
        if (match.Success)
        {
            email = match.Value;
            author = author.Replace(email, "", StringComparison.Ordinal)
                .Replace("()", "", StringComparison.Ordinal)
                .Replace("<>", "", StringComparison.Ordinal)
                .Replace("&lt;&gt;", "", StringComparison.Ordinal)
                .Trim();
            if (author.StartsWith('('))
            {
                author = author[1..];
            }

            if (author.EndsWith(')'))
            {
                author = author[..^1];
            }

            author = author.Trim();
        }

        if (author.Length > 0)
        {
            detail.Name = author;
        }

        if (email is not null)
        {
            detail.Email = email;
        }

        if (detail.HasNameOrEmail)
        {
            context.Author ??= detail;
        }
    }

    [GeneratedRegex(@"(([a-zA-Z0-9_.+-]+)@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.)|(([a-zA-Z0-9-]+\.)+))([a-zA-Z]{2,}|[0-9]{1,3})(\]?))(\?subject=\S+)?")]
    private static partial Regex EmailPattern();

    private enum AuthorField
    {
        Name,
        Email,
        Href,
    }
}
