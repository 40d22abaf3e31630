namespace NewsIngest.Testing;

/// <summary>Finds initdb and pg_ctl: $PG_BIN, then PATH, then the newest /usr/lib/postgresql/N/bin (Debian's layout).</summary>
internal sealed record PostgresBinaries(string InitDb, string PgCtl)
{
    public static PostgresBinaries Locate()
    {
        var configured = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrWhiteSpace(configured) && File.Exists(Path.Combine(configured, "initdb")))
        {
            return InDirectory(configured);
        }

        var initDbOnPath = ProcessEnvironment.FindOnPath("initdb");
        var pgCtlOnPath = ProcessEnvironment.FindOnPath("pg_ctl");
        if (initDbOnPath is not null && pgCtlOnPath is not null)
        {
            return new PostgresBinaries(initDbOnPath, pgCtlOnPath);
        }

        const string debianRoot = "/usr/lib/postgresql";
        var newest = Directory.Exists(debianRoot)
            ? Directory.EnumerateDirectories(debianRoot)
                .Select(directory => (Directory: directory, Version: int.TryParse(Path.GetFileName(directory), out var version) ? version : -1))
                .Where(candidate => candidate.Version >= 0 && File.Exists(Path.Combine(candidate.Directory, "bin", "initdb")))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => Path.Combine(candidate.Directory, "bin"))
                .FirstOrDefault()
            : null;
        return newest is not null
            ? InDirectory(newest)
            : throw new InvalidOperationException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH, in $PG_BIN or in /usr/lib/postgresql/*/bin. "
                + "Install them with 'apt-get install -y postgresql' (tests/run.sh does this).");
    }

    private static PostgresBinaries InDirectory(string directory) =>
        new(Path.Combine(directory, "initdb"), Path.Combine(directory, "pg_ctl"));
}
