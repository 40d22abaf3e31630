using System.Globalization;
using NewsIngest.Contracts;
using NewsIngest.Enricher.Enrichment;
using NewsIngest.Testing;

namespace NewsIngest.Enricher.Evaluation;

/// <summary>Reads <c>tests/NewsIngest.Enricher.Tests/HardSet/labels.txt</c> (format described at its top).</summary>
public static class HardSetLabels
{
    public static string LabelsPath => Path.Combine(RepositoryPaths.Root, "tests", "NewsIngest.Enricher.Tests", "HardSet", "labels.txt");

    /// <summary>Every labelled article with its text from ../shared.</summary>
    public static IReadOnlyList<HardSetArticle> LoadAll()
    {
        var texts = new HardSetTexts(RepositoryPaths.SharedData);
        return Parse(File.ReadAllLines(LabelsPath))
            .Select(a => a with { Article = texts.Read(a.Set, a.Id, a.Budget) })
            .ToList();
    }

    public static List<HardSetArticle> Parse(IEnumerable<string> lines)
    {
        var articles = new List<HardSetArticle>();
        Block? block = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var (head, rest) = Split(line);
            if (head == "=")
            {
                if (block is not null)
                {
                    articles.Add(block.Build());
                }

                var parts = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                block = new Block(parts[0], parts[1], parts.Length >= 4 && parts[2] == "budget" ? int.Parse(parts[3], CultureInfo.InvariantCulture) : HardSetTexts.DefaultBudget);
                continue;
            }

            if (block is null)
            {
                throw new FormatException($"Label line before the first article: {line}");
            }

            block.Add(head, rest);
        }

        if (block is not null)
        {
            articles.Add(block.Build());
        }

        return articles;
    }

    private static (string Head, string Tail) Split(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (line, string.Empty) : (line[..space], line[(space + 1)..].Trim());
    }

    private static List<string> Names(string text) =>
        text.Split('|').Select(n => n.Trim()).Where(n => n.Length > 0).ToList();

    private sealed class Block(string set, string id, int budget)
    {
        private readonly List<GoldEntity> _entities = [];
        private readonly HashSet<string> _ignored = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<GoldCount> _counts = [];
        private string _language = "und";
        private List<string> _topics = [];
        private int _tone;
        private bool _entitiesLabelled = true;

        public void Add(string head, string rest)
        {
            switch (head)
            {
                case "lang":
                    _language = rest;
                    break;
                case "topics":
                    _topics = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
                    break;
                case "tone":
                    _tone = rest switch { "+" => 1, "-" => -1, _ => 0 };
                    break;
                case "noentities":
                    _entitiesLabelled = false;
                    break;
                case "PER":
                    _entities.Add(new GoldEntity(EntityTypes.Person, Names(rest), null));
                    break;
                case "ORG":
                    _entities.Add(new GoldEntity(EntityTypes.Organization, Names(rest), null));
                    break;
                case "LOC":
                    var (code, names) = Split(rest);
                    _entities.Add(new GoldEntity(EntityTypes.Location, Names(names), code == "--" ? null : code));
                    break;
                case "IGN":
                    _ignored.UnionWith(Names(rest));
                    break;
                case "COUNT":
                    var parts = rest.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
                    _counts.Add(new GoldCount(parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture), parts.Length > 2 ? Names(parts[2]) : []));
                    break;
                default:
                    throw new FormatException($"Unknown label '{head}' in {set} {id}.");
            }
        }

        public HardSetArticle Build() => new()
        {
            Set = set,
            Id = id,
            Budget = budget,
            Language = _language,
            Topics = _topics,
            Tone = _tone,
            EntitiesLabelled = _entitiesLabelled,
            Entities = _entities,
            Ignored = _ignored,
            Counts = _counts,
        };
    }
}
