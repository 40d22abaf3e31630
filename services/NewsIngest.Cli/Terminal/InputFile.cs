namespace NewsIngest.Cli.Terminal;

/// <summary>Reads a file named on the command line, with the checks and the size limit the services apply.</summary>
public static class InputFile
{
    /// <summary>The fetcher's default response limit: a file larger than any page or feed it would accept is refused.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    public static byte[] Read(FileSystemInfo? file, string what = "FILE")
    {
        if (file is null)
        {
            throw CliException.Usage($"a {what} is needed");
        }

        if (Directory.Exists(file.FullName))
        {
            throw CliException.Usage($"{file.FullName} is a directory; give a file");
        }

        var info = new FileInfo(file.FullName);
        if (!info.Exists)
        {
            throw CliException.Usage($"{file.FullName}: no such file");
        }

        if (info.Length > MaxBytes)
        {
            throw CliException.NoArticle($"{info.FullName} is {info.Length:N0} bytes, over the {MaxBytes:N0}-byte limit the services apply");
        }

        return File.ReadAllBytes(info.FullName);
    }

    /// <summary>An absolute http(s) URL, or a usage error naming the option.</summary>
    public static Uri? ParseUrl(string? url, string option = "--url")
    {
        if (url is null)
        {
            return null;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw CliException.Usage($"{option} must be an absolute http or https URL, got '{ConsoleText.OneLine(url)}'");
    }
}
