namespace NewsIngest.Enricher.Enrichment;

/// <summary>Types the candidate names of one article and merges them into entities.</summary>
public sealed class EntityResolver(Gazetteer gazetteer, FirstNames firstNames, NameBase names, IReadOnlyList<NameChunk> chunks, string language)
{
    private readonly Dictionary<string, EntityBuilder> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityBuilder> _acronyms = new(StringComparer.Ordinal);
    private readonly HashSet<string> _notEntities = new(StringComparer.Ordinal);
    private readonly HashSet<string> _countries = new(StringComparer.Ordinal);

    // Words used alone as a name somewhere in the article (not at a sentence start): a surname used
    // later ("Saka said") shows that "Bukayo Saka" is a person.
    private readonly HashSet<string> _aloneWords = chunks
        .Where(c => c.Tokens.Count == 1 && !c.SentenceInitial)
        .Select(c => c.Text)
        .ToHashSet(StringComparer.Ordinal);

    // Words used alone after an honorific somewhere ("President Obama", "Mr Garrett"): persons wherever they stand.
    private readonly HashSet<string> _titledWords = chunks
        .Where(c => c.Tokens.Count == 1 && c.HadTitle && !c.IsAcronym)
        .Select(c => c.Text)
        .ToHashSet(StringComparer.Ordinal);

    // Names capitalised mid-sentence somewhere: a known name that is also a common word ("Apple") counts.
    private readonly HashSet<string> _midSentence = chunks
        .Where(c => !c.SentenceInitial)
        .Select(c => c.Text)
        .ToHashSet(StringComparer.Ordinal);

    // Words used alone with a verb of saying or after a role ("Lupita told", "keeper Kepa"): their full names are persons.
    private readonly HashSet<string> _personWords = chunks
        .Where(c => c.Tokens.Count == 1 && !c.IsAcronym
            && ((c.Following is { } f && !c.FollowedByComma && EntityLexicon.SpeechVerbs.Contains(f))
                || (c.Preceding is { } p && char.IsLower(p[0]) && EntityLexicon.PersonCues.Contains(p))))
        .Select(c => c.Text)
        .ToHashSet(StringComparer.Ordinal);

    // How often each name is written in the article (a common word capitalised twice is a name).
    private readonly Dictionary<string, int> _capitalised = chunks
        .GroupBy(c => c.Text, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    // The words of a chunk that name its entity, when not all of them do ("Apple" of "Apple AirPods").
    private readonly Dictionary<NameChunk, string> _surfaces = new(ReferenceEqualityComparer.Instance);

    public IEnumerable<EntityBuilder> Entities => _entities.Values;

    public List<(NameChunk Chunk, EntityBuilder Entity)> Resolve()
    {
        // The countries the article is about: those it names, and the one most of its regions and major cities
        // lie in ("Mississippi, Kentucky and Louisiana" make "Virginia" the US state).
        var lying = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in chunks)
        {
            switch (gazetteer.Find(chunk.Text))
            {
                case { Kind: PlaceKind.Country } country:
                    _countries.Add(country.CountryCode);
                    break;
                case Place place when place.Kind == PlaceKind.Region || place.Population >= Gazetteer.MajorCity:
                    lying[place.CountryCode] = lying.GetValueOrDefault(place.CountryCode) + 1;
                    break;
            }
        }

        if (lying.Count > 0 && lying.MaxBy(l => l.Value) is { Value: >= 2 } most)
        {
            _countries.Add(most.Key);
        }

        DefineAcronyms();

        // Full names first, so a surname or acronym used alone can find the entity it belongs to.
        var found = new (NameChunk Chunk, EntityBuilder Entity)?[chunks.Count];
        for (var i = 0; i < chunks.Count; i++)
        {
            if (chunks[i].Tokens.Count > 1 || chunks[i].Acronym is not null)
            {
                found[i] = Classify(chunks[i]) is { } e ? (chunks[i], e) : null;
            }
        }

        for (var i = 0; i < chunks.Count; i++)
        {
            if (chunks[i].Tokens.Count == 1 && chunks[i].Acronym is null)
            {
                found[i] = Classify(chunks[i]) is { } e ? (chunks[i], e) : null;
            }
        }

        // "Jonathan Moyo and Saviour Kasukuwere", "Tova Noel and Michael Thomas": a name in a list with a person
        // (or an organisation) is one too.
        for (var i = 0; i < chunks.Count; i++)
        {
            if (found[i] is null && chunks[i].Tokens.Count is >= 1 and <= 3 && !chunks[i].IsAcronym && !IsNotName(chunks[i]) && !chunks[i].BeforeTitle
                && Conjunct(chunks, found, i) is { } type && (type != EntityTypes.Person || chunks[i].Tokens.Count >= 2))
            {
                found[i] = (chunks[i], Entity(chunks[i].Text, type));
            }
        }

        var result = found.OfType<(NameChunk Chunk, EntityBuilder Entity)>()
            .Select(r => (r.Chunk, Entity: MergeTarget(r.Entity)))
            .ToList();
        foreach (var (chunk, entity) in result)
        {
            entity.Mention(_surfaces.GetValueOrDefault(chunk, chunk.Text));
        }

        return result;
    }

    /// <summary>The type of a person or organisation joined to chunk <paramref name="i"/> by "and" or a comma.</summary>
    private static string? Conjunct(IReadOnlyList<NameChunk> chunks, (NameChunk Chunk, EntityBuilder Entity)?[] found, int i)
    {
        foreach (var j in new[] { i - 1, i + 1 })
        {
            if (j < 0 || j >= chunks.Count || found[j] is not { } neighbour || chunks[j].Sentence != chunks[i].Sentence
                || neighbour.Entity.Type == EntityTypes.Location)
            {
                continue;
            }

            var (first, second) = j < i ? (chunks[j], chunks[i]) : (chunks[i], chunks[j]);
            var gap = first.Sentence.Text[first.End..second.Start].Trim();
            if (gap is "and" or "," or "or" or ", and")
            {
                return neighbour.Entity.Type;
            }
        }

        return null;
    }

    private void DefineAcronyms()
    {
        foreach (var chunk in chunks.Where(c => c.Acronym is not null))
        {
            var acronym = chunk.Acronym!;
            if (EntityLexicon.NonEntityHeads.Contains(chunk.Tokens[^1]) || !StartsAlike(chunk.Text, acronym))
            {
                _notEntities.Add(acronym);
                continue;
            }

            var type = TypeOf(chunk) ?? EntityTypes.Organization;
            var entity = Entity(chunk.Text, type);
            entity.Defined = true;
            entity.ExtraAliases.Add(acronym);
            _acronyms[acronym] = entity;
        }
    }

    private EntityBuilder? Classify(NameChunk chunk)
    {
        var text = chunk.Text;
        if (chunk.Acronym is not null && _acronyms.TryGetValue(chunk.Acronym, out var defined))
        {
            return defined;
        }

        if (_acronyms.TryGetValue(text, out defined))
        {
            return defined;
        }

        if (_notEntities.Contains(text) || IsNotName(chunk))
        {
            return null;
        }

        if (chunk.Dateline && gazetteer.Find(TitleCase(text), _countries) is { } dateline)
        {
            return PlaceEntity(dateline);
        }

        if (EntityLexicon.KnownAliases.TryGetValue(text, out var known))
        {
            var entity = Entity(known.Name, known.Type);
            entity.FixedName ??= known.Name;
            entity.Defined = true;
            return entity;
        }

        if (EntityLexicon.GuardedAliases.TryGetValue(text, out var canonical) && _entities.TryGetValue(canonical, out var guarded))
        {
            return guarded;
        }

        if (_entities.TryGetValue(text, out var existing))
        {
            return existing;
        }

        if (ShortFormOwner(chunk) is { } shortFor)
        {
            return shortFor;
        }

        if (Known(chunk) is { } name)
        {
            return KnownEntity(chunk, name);
        }

        // "Apple AirPods", "Google Play": a known company's name before a product's is the company.
        if (chunk.Tokens.Count > 1 && !chunk.Tokens.Skip(1).Any(HasOrganizationWord)
            && names.Find(chunk.Tokens[0], !chunk.SentenceInitial) is { Type: EntityTypes.Organization } maker)
        {
            _surfaces[chunk] = chunk.Tokens[0];
            return KnownEntity(chunk with { Text = chunk.Tokens[0], Tokens = [chunk.Tokens[0]] }, maker);
        }

        if (chunk.Tokens.Count == 1 && (SurnameOwner(text) ?? TitledPerson(chunk)) is { } owner)
        {
            return owner;
        }

        var type = TypeOf(chunk);
        if (chunk.BeforeTitle && type is not (EntityTypes.Location or EntityTypes.Organization))
        {
            return null;
        }

        if (type is null)
        {
            return PlaceWithSuffix(chunk) ?? GivenNameOwner(chunk);
        }

        if (type == EntityTypes.Location)
        {
            return PlaceEntity(gazetteer.Find(text, _countries)!);
        }

        return Entity(text, type);
    }

    /// <summary>A name from the knowledge base, unless the sentence puts a place of that name ("in Chelsea").</summary>
    private KnownName? Known(NameChunk chunk)
    {
        var known = names.Find(chunk.Text, !chunk.SentenceInitial || _midSentence.Contains(chunk.Text) || _capitalised.GetValueOrDefault(chunk.Text) >= 2);
        if (known is null)
        {
            return null;
        }

        return known.Type != EntityTypes.Location && PlaceContext(chunk) && gazetteer.Find(chunk.Text, _countries) is not null ? null : known;
    }

    private EntityBuilder KnownEntity(NameChunk chunk, KnownName known)
    {
        if (known.Type == EntityTypes.Location)
        {
            // "Asia", "Black Sea": the gazetteer's town of that name is not what the news means.
            if (gazetteer.Find(chunk.Text, _countries) is { Kind: PlaceKind.Country } place)
            {
                return PlaceEntity(place);
            }

            var region = Entity("region:" + known.Canonical, EntityTypes.Location);
            region.FixedName ??= known.Canonical;
            return region;
        }

        var entity = Entity(known.Canonical, known.Type);
        entity.Defined = true;
        if (!known.Canonical.Equals(chunk.Text, StringComparison.Ordinal))
        {
            entity.FixedName ??= known.Canonical;
        }

        return entity;
    }

    private EntityBuilder PlaceEntity(Place place)
    {
        var entity = Entity(PlaceKey(place), EntityTypes.Location);
        entity.Place ??= place;
        return entity;
    }

    /// <summary>A word alone that the article gives an honorific elsewhere ("Obama" after "President Obama").</summary>
    private EntityBuilder? TitledPerson(NameChunk chunk) =>
        _titledWords.Contains(chunk.Text) && !HasOrganizationWord(chunk.Text) && gazetteer.Find(chunk.Text) is not { Kind: PlaceKind.Country }
            ? Entity(chunk.Text, EntityTypes.Person)
            : null;

    /// <summary>
    /// The organisation or person a short form stands for: the first word of an organisation's name ("Carlyle" for
    /// "Carlyle Group", "Ithaca" for "Ithaca Holdings"), or a person's first name used alone ("Taylor").
    /// </summary>
    private EntityBuilder? ShortFormOwner(NameChunk chunk)
    {
        var text = chunk.Text;
        var place = gazetteer.Find(text, _countries);
        if (chunk.IsAcronym || EntityLexicon.OrganizationWords.Contains(text) || place is { Kind: not PlaceKind.City } || place is { Population: >= Gazetteer.MajorCity })
        {
            return null;
        }

        // The first words of a longer name ("Whole Foods" for "Whole Foods Market"); one word inside an
        // organisation's name ("Disney" for "Walt Disney Co").
        var owners = _entities.Values
            .Where(e => (e.Type is EntityTypes.Organization or EntityTypes.Person && e.Key.StartsWith(text + " ", StringComparison.Ordinal))
                || (e.Type == EntityTypes.Organization && chunk.Tokens.Count == 1 && e.Key.Contains(' ' + text, StringComparison.Ordinal)
                    && e.Key.Split(' ').Contains(text, StringComparer.Ordinal)))
            .Take(2)
            .ToList();
        return owners.Count == 1 ? owners[0] : null;
    }

    private static bool IsNotName(NameChunk chunk) =>
        chunk.Tokens.All(t => EntityLexicon.NotNames.Contains(t) || EntityLexicon.CalendarWords.Contains(t));

    private static string TitleCase(string text) =>
        string.Join(' ', text.Split(' ').Select(w => w.Length > 1 ? w[0] + w[1..].ToLowerInvariant() : w));

    /// <summary>PERSON, ORGANIZATION, LOCATION, or null when nothing marks the name as either.</summary>
    private string? TypeOf(NameChunk chunk)
    {
        var text = chunk.Text;
        var tokens = chunk.Tokens;
        // A bare "Police" or "Government" is a common noun; a compound ("Tehreek-e-Taliban") or longer name is not.
        var orgCue = (chunk.Preceding is { } before && char.IsLower(before[0]) && EntityLexicon.OrganizationCues.Contains(before))
            || (chunk.Following is { } after && EntityLexicon.OrganizationFollowers.Contains(after));
        if ((tokens.Count > 1 && tokens.Any(HasOrganizationWord))
            || (orgCue && tokens.Count <= 3 && !chunk.HadTitle && gazetteer.Find(text, _countries) is not { Kind: PlaceKind.Country })
            || (tokens.Count == 1 && text.Contains('-', StringComparison.Ordinal) && HasOrganizationWord(text)))
        {
            return EntityTypes.Organization;
        }

        var personCue = chunk.HadTitle || (chunk.Preceding is { } p && EntityLexicon.PersonCues.Contains(p));
        var place = gazetteer.Find(text, _countries);
        // An English place name that is also a common word ("Reading", "Split") needs "in", "at", ... before it.
        var doubtful = place is { IsCommonWord: true, Kind: not PlaceKind.Country } && language is ("en" or LanguageStep.Undetermined) && !NameChunker.IsAcronym(text) && !PlaceContext(chunk);
        if (place is not null && !doubtful)
        {
            return place.Kind == PlaceKind.Country || !(tokens.Count > 1 && personCue) ? EntityTypes.Location : EntityTypes.Person;
        }

        var thing = EntityLexicon.ThingWords.Contains(tokens[^1]) || EntityLexicon.NonEntityHeads.Contains(tokens[^1]);
        var placeFirst = !personCue && gazetteer.Find(tokens[0], _countries) is { } first
            && (first.Kind == PlaceKind.Country || first.Population >= Gazetteer.MajorCity);
        if (tokens.Count is >= 2 and <= 5 && !chunk.IsAcronym && !thing && !placeFirst)
        {
            if (personCue
                || (chunk.FollowedByComma && chunk.Following is { } role && char.IsLower(role[0]) && EntityLexicon.PersonCues.Contains(role))
                || (tokens.Count <= 3 && (_personWords.Contains(tokens[0]) || _personWords.Contains(tokens[^1])))
                || firstNames.Contains(tokens[0])
                || (chunk.Following is { } f && EntityLexicon.SpeechVerbs.Contains(f))
                || SurnameOwner(tokens[^1]) is not null
                || (tokens.Count <= 3 && _aloneWords.Contains(tokens[^1]) && gazetteer.Find(tokens[^1]) is null && !HasOrganizationWord(tokens[^1])))
            {
                return tokens.Any(t => t.All(c => char.IsUpper(c) || !char.IsLetter(c)) && t.Length > 1) ? null : EntityTypes.Person;
            }
        }

        if (tokens.Count == 1 && chunk.HadTitle && !chunk.IsAcronym && !thing && !HasOrganizationWord(text))
        {
            return EntityTypes.Person;
        }

        if (chunk.IsAcronym)
        {
            return EntityTypes.Organization;
        }

        return null;
    }

    /// <summary>"Gaza Strip", "Helmand Province": the place named by the words before the suffix.</summary>
    private EntityBuilder? PlaceWithSuffix(NameChunk chunk)
    {
        if (chunk.Tokens.Count < 2 || !EntityLexicon.PlaceSuffixes.Contains(chunk.Tokens[^1]))
        {
            return null;
        }

        var name = string.Join(' ', chunk.Tokens.Take(chunk.Tokens.Count - 1));
        if (gazetteer.Find(name, _countries) is not { } place)
        {
            return null;
        }

        return PlaceEntity(place);
    }

    private static string PlaceKey(Place place) =>
        place.Kind == PlaceKind.Country ? "country:" + place.CountryCode : $"place:{place.CountryCode}:{place.Kind}:{place.Name}";

    private static bool PlaceContext(NameChunk chunk) =>
        !chunk.SentenceInitial && chunk.Preceding is { } p && EntityLexicon.PlacePrepositions.Contains(p);

    private static bool HasOrganizationWord(string token) =>
        EntityLexicon.OrganizationWords.Contains(token)
        || (token.Contains('-', StringComparison.Ordinal) && token.Split('-').Any(EntityLexicon.OrganizationWords.Contains));

    /// <summary>
    /// An organisation named as a known one plus a qualifier ("Lashkar-e-Jhangvi Al Alami") is counted
    /// with the known one, and the longer name kept as an alias.
    /// </summary>
    private EntityBuilder MergeTarget(EntityBuilder entity)
    {
        if (entity.Type != EntityTypes.Organization || entity.Defined)
        {
            return entity;
        }

        var shorter = _entities.Values
            .Where(e => e.Type == EntityTypes.Organization && e != entity && entity.Key.StartsWith(e.Key + " ", StringComparison.Ordinal))
            .OrderByDescending(e => e.Key.Length)
            .FirstOrDefault();
        if (shorter is null)
        {
            return entity;
        }

        shorter.ExtraAliases.Add(entity.Key);
        shorter.FixedName ??= shorter.Key;
        _entities.Remove(entity.Key);
        return shorter;
    }

    /// <summary>A lone word that only one person's full name begins with ("Gohar" for "Gohar Ali Khan").</summary>
    private EntityBuilder? GivenNameOwner(NameChunk chunk)
    {
        if (chunk.Tokens.Count != 1 || chunk.IsAcronym)
        {
            return null;
        }

        var owners = _entities.Values
            .Where(e => e.Type == EntityTypes.Person && e.Key.StartsWith(chunk.Text + " ", StringComparison.Ordinal))
            .Take(2)
            .ToList();
        return owners.Count == 1 ? owners[0] : null;
    }

    /// <summary>The person whose full name ends with this word (the most mentioned, then the first seen).</summary>
    private EntityBuilder? SurnameOwner(string word) => _entities.Values
        .Where(e => e.Type == EntityTypes.Person && !e.Key.Equals(word, StringComparison.Ordinal) && word.Equals(e.Surname, StringComparison.Ordinal))
        .OrderByDescending(e => e.Mentions)
        .ThenBy(e => e.Order)
        .FirstOrDefault();

    private static bool StartsAlike(string name, string acronym) =>
        char.ToUpperInvariant(name[0]) == char.ToUpperInvariant(acronym[0]);

    private EntityBuilder Entity(string key, string type)
    {
        if (!_entities.TryGetValue(key, out var entity))
        {
            entity = new EntityBuilder(key, type, _entities.Count);
            _entities[key] = entity;
        }

        return entity;
    }
}
