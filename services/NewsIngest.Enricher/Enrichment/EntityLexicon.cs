using System.Collections.Frozen;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>Hand-written word lists that tell persons, organisations and places apart.</summary>
public static class EntityLexicon
{
    private static readonly StringComparer Ci = StringComparer.OrdinalIgnoreCase;

    /// <summary>A name ending in (or holding) one of these is an organisation.</summary>
    public static readonly FrozenSet<string> OrganizationWords = new[]
    {
        "Party", "Council", "Ministry", "Department", "Agency", "Bank", "Corporation", "Corp", "Inc", "Ltd", "LLC", "PLC",
        "Group", "University", "College", "Institute", "Association", "Union", "Federation", "Committee", "Commission",
        "Organization", "Organisation", "Front", "Movement", "Army", "Police", "Court", "Parliament", "Assembly", "Senate",
        "Congress", "Government", "Authority", "Board", "Forces", "Navy", "Guard", "Guards", "Brigade", "Brigades", "Club",
        "FC", "Company", "Foundation", "Fund", "Network", "Airlines", "Airways", "Motors", "Technologies", "Holdings",
        "Hospital", "Church", "League", "Alliance", "Coalition", "Society", "Bureau", "Office", "Service", "Services",
        "Cabinet", "Tribunal", "Taliban", "Qaeda", "Hamas", "Hezbollah", "Hizbollah", "Lashkar", "Jaish", "Tehreek",
        "Tehrik", "Hizb", "Jamaat", "Jamiat", "Harkat", "Shabaab", "Houthis", "Militia", "Cartel", "Exchange", "Reserve",
        "Times", "Post", "Journal", "Herald", "Tribune", "Gazette", "Press", "News", "Television", "Radio", "Broadcasting",
        "Partei", "Regierung", "Ministerium", "Bundestag", "Bundesregierung", "Gewerkschaft", "Universität", "Verband",
        "Parti", "Gouvernement", "Ministère", "Assemblée", "Université", "Syndicat", "Banque", "Conseil", "Tribunal",
        "Partido", "Gobierno", "Ministerio", "Universidad", "Sindicato", "Banco", "Congreso", "Consejo",
        "Partito", "Governo", "Ministero", "Università", "Sindacato", "Banca", "Camera", "Consiglio",
        "Universidade", "Câmara", "Senado", "Supremo", "Polícia", "Polizei", "Policía", "Polizia", "Armée", "Ejército",
        "Observatory", "Centre", "Center", "Trust", "Institution", "Bourse", "Börse", "Instituto", "Institut", "Istituto",
        "Agencia", "Agence", "Agenzia", "Agência", "Fundación", "Fondation", "Stiftung", "Fondazione", "Fundação",
        "Comisión", "Commissione", "Comissão", "Amt", "Bundesamt", "Staatsanwaltschaft", "Inc.", "Co", "AG", "GmbH", "SA",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>"X of Y" stays one name when X ends in one of these ("Bank of England").</summary>
    public static readonly FrozenSet<string> OfHeads = new[]
    {
        "Ministry", "Department", "Bank", "University", "Institute", "Council", "Commission", "Committee", "Court",
        "Association", "Federation", "Union", "Organization", "Organisation", "Office", "Board", "Academy", "Church",
        "Republic", "Kingdom", "State", "Secretary", "Chamber", "School", "College", "League", "Museum", "Agency",
        "Observatory", "Centre", "Center", "Foundation", "Fund", "Coalition", "Alliance", "Society", "Movement", "Front",
        "Party", "Institution", "Trust", "Campaign", "Army", "Corps", "Forces", "Division", "Authority", "Service",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Organisations widely named by one word, which no head word reveals.</summary>
    public static readonly FrozenSet<string> KnownOrganizations = new[]
    {
        "Reuters", "AFP", "Bloomberg", "BBC", "CNN", "Xinhua", "TASS", "Interfax", "Yonhap", "Kyodo", "ANSA", "EFE",
        "NATO", "OPEC", "UNICEF", "UNESCO", "UNHCR", "Interpol", "Europol", "FIFA", "UEFA", "IMF", "WHO", "WTO", "OECD",
        "Google", "Apple", "Microsoft", "Amazon", "Meta", "Facebook", "Tesla", "Samsung", "Toyota", "Volkswagen", "Airbus",
        "Boeing", "Nvidia", "Intel", "Huawei", "Alibaba", "Tencent", "Netflix", "OpenAI", "Siemens", "Shell", "BP",
        "Gazprom", "Pentagon", "Kremlin", "Hamas", "Hezbollah", "Taliban", "FBI", "CIA", "NASA", "Europol", "Frontex",
        "Morgan Stanley", "Goldman Sachs", "JPMorgan", "Citigroup", "HSBC", "Barclays", "UBS", "BlackRock", "Nasdaq",
        "Walmart", "Nike", "Ford", "Renault", "Stellantis", "Nestle", "Unilever", "Pfizer", "Moderna", "AstraZeneca",
        "SpaceX", "Uber", "Spotify", "TikTok", "ByteDance", "Aramco", "Houthis", "Wagner", "Hezbollah", "Frelimo",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Well-known alternative names, each with its canonical name and type.</summary>
    public static readonly FrozenDictionary<string, (string Name, string Type)> KnownAliases = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["ISIS"] = ("Islamic State", EntityTypes.Organization),
        ["ISIL"] = ("Islamic State", EntityTypes.Organization),
        ["Daesh"] = ("Islamic State", EntityTypes.Organization),
        ["UN"] = ("United Nations", EntityTypes.Organization),
        ["U.N."] = ("United Nations", EntityTypes.Organization),
        ["EU"] = ("European Union", EntityTypes.Organization),
        ["UE"] = ("European Union", EntityTypes.Organization),
        ["AP"] = ("Associated Press", EntityTypes.Organization),
        ["al-Qaida"] = ("al-Qaeda", EntityTypes.Organization),
        ["Al-Qaeda"] = ("al-Qaeda", EntityTypes.Organization),
        ["Al Qaeda"] = ("al-Qaeda", EntityTypes.Organization),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Aliases that are too ambiguous alone, used only once their canonical name is in the text.</summary>
    public static readonly FrozenDictionary<string, string> GuardedAliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["IS"] = "Islamic State",
        ["EI"] = "Estado Islámico",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words just before a name that mark it as a person (roles, titles, kin).</summary>
    public static readonly FrozenSet<string> PersonCues = new[]
    {
        "leader", "spokesman", "spokeswoman", "spokesperson", "president", "minister", "chief", "commander", "governor",
        "senator", "mayor", "secretary", "chancellor", "general", "gen", "colonel", "col", "captain", "capt", "judge",
        "justice", "lawyer", "attorney", "director", "chairman", "chairwoman", "chair", "ceo", "founder", "coach",
        "manager", "striker", "midfielder", "defender", "goalkeeper", "player", "father", "mother", "son", "daughter",
        "wife", "husband", "brother", "sister", "uncle", "aunt", "cousin", "widow", "mr", "mrs", "ms", "dr", "prof",
        "professor", "sir", "dame", "lord", "king", "queen", "prince", "princess", "pope", "cardinal", "bishop", "imam",
        "sheikh", "cleric", "analyst", "economist", "officer", "inspector", "activist", "author", "writer", "actor",
        "actress", "singer", "premier", "envoy", "ambassador", "candidate", "lawmaker", "legislator", "prosecutor",
        "rapper", "deputy", "vice", "emir", "ayatollah", "rabbi", "pastor", "reverend", "sen", "rep", "gov", "supt",
        "sergeant", "sgt", "lieutenant", "lt", "major", "admiral", "marshal", "dean", "head", "boss", "founder",
        "président", "présidente", "ministre", "porte-parole", "chef", "m", "mme", "herr", "frau", "kanzler",
        "bundeskanzler", "bundeskanzlerin", "präsident", "präsidentin", "ministerin", "sprecher", "sprecherin",
        "presidente", "ministro", "ministra", "portavoz", "portavoce", "señor", "señora", "sindaco", "alcalde",
        "prefeito", "governador", "primeiro-ministro", "líder", "leader", "secrétaire", "sécretaire", "maire",
        "trainer", "entraîneur", "allenatore", "entrenador", "treinador", "attaquant", "stürmer", "spieler", "joueur",
        "researcher", "scientist", "astronomer", "chemist", "biologist", "physicist", "engineer", "historian",
        "professor", "doctor", "surgeon", "nurse", "teacher", "student", "farmer", "resident", "witness", "survivor",
        "journalist", "reporter", "correspondent", "editor", "photographer", "filmmaker", "designer", "chef",
        "superintendent", "commissioner", "chief", "executive", "president-elect",
        "ministre", "député", "abgeordnete", "sénateur", "senatore", "diputado", "deputado", "attaccante", "delantero",
    }.ToFrozenSet(Ci);

    /// <summary>Words that, before a capitalised title, are taken off the name ("President Joe Biden").</summary>
    public static readonly FrozenSet<string> Titles = new[]
    {
        "President", "Prime", "Minister", "Mr", "Mrs", "Ms", "Dr", "Prof", "Professor", "Sir", "Dame", "Lord", "Lady",
        "King", "Queen", "Prince", "Princess", "Pope", "Sheikh", "Imam", "General", "Gen", "Colonel", "Col", "Captain",
        "Judge", "Justice", "Senator", "Sen", "Governor", "Gov", "Mayor", "Chancellor", "Secretary", "Spokesman",
        "Chief", "Commander", "Cardinal", "Bishop", "Ayatollah", "Emir", "Sergeant", "Sgt", "Lieutenant", "Lt", "Major",
        "Rep", "Representative", "Foreign", "Defence", "Defense", "Interior", "Finance", "Deputy", "Vice", "Former",
        "Président", "Ministre", "Premier", "Präsident", "Kanzler", "Bundeskanzler", "Bundeskanzlerin", "Presidente",
        "Ministro", "Ministra", "Monsieur", "Madame", "Herr", "Frau", "Señor", "Señora", "Don", "Doña", "Dom",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Titles that stand before a lone surname ("Pope Francis", "President Biden", "Mr Smith").</summary>
    public static readonly FrozenSet<string> Honorifics = new[]
    {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Sir", "Dame", "Lord", "Lady", "King", "Queen", "Prince", "Princess", "Pope",
        "President", "Chancellor", "Senator", "Sen", "Governor", "Gov", "Mayor", "Judge", "Sheikh", "Imam", "Cardinal",
        "Bishop", "Ayatollah", "Emir", "Herr", "Frau", "Monsieur", "Madame", "Señor", "Señora", "Don", "Doña", "M",
        "Mme", "Président", "Präsident", "Presidente", "Kanzler", "Bundeskanzler", "Bundeskanzlerin",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Last words of names of things (buildings, vehicles, events), which are not persons.</summary>
    public static readonly FrozenSet<string> ThingWords = new[]
    {
        "Telescope", "Bridge", "Street", "Road", "Avenue", "Square", "Stadium", "Arena", "Airport", "Station", "Tower",
        "Park", "Hall", "Building", "Palace", "Castle", "Mission", "Station", "Hotel", "Museum", "Gallery", "Cathedral",
        "Mosque", "Temple", "Church", "Island", "Islands", "River", "Lake", "Mountain", "Mountains", "Valley", "Desert",
        "Sea", "Ocean", "Gulf", "Bay", "Canal", "Strait", "Forest", "Festival", "Awards", "Space", "Rover", "Probe",
        "Media", "Group", "Street", "Gate", "Centre", "Center", "Market", "Index", "Coast", "Peninsula", "Plaza",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Lower-case particles that sit inside names ("Ali bin Sufyan", "Ursula von der Leyen").</summary>
    public static readonly FrozenSet<string> NameParticles = new[]
    {
        "bin", "ibn", "bint", "al", "el", "de", "da", "di", "du", "del", "della", "van", "von", "der", "den", "la", "le",
        "dos", "das", "do", "ul", "ud", "ur", "abu",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Heads of defined names that are not persons, organisations or places (plans, laws, indices).</summary>
    public static readonly FrozenSet<string> NonEntityHeads = new[]
    {
        "Plan", "Act", "Programme", "Program", "Agreement", "Treaty", "Accord", "Index", "Policy", "Strategy", "Law",
        "Bill", "Initiative", "Project", "Scheme", "Report", "Survey", "Protocol", "Day", "Rate", "Product", "Test",
        "Code", "Syndrome", "Disease", "Virus", "Award", "Prize", "Cup", "Games", "Championship", "Olympics", "Summit",
        "Conference", "War", "Operation", "Deal", "Charter", "Declaration", "Convention", "Standard", "Time",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Capitalised words that never name an entity on their own (months, weekdays).</summary>
    public static readonly FrozenSet<string> CalendarWords = new[]
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Janvier", "Février",
        "Mars", "Avril", "Mai", "Juin", "Juillet", "Août", "Septembre", "Octobre", "Novembre", "Décembre", "Lundi",
        "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche", "Januar", "Februar", "März", "Juni", "Juli",
        "Oktober", "Dezember", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag",
        "Enero", "Febrero", "Marzo", "Abril", "Mayo", "Junio", "Julio", "Agosto", "Septiembre", "Octubre",
        "Noviembre", "Diciembre", "Lunes", "Martes", "Miércoles", "Jueves", "Viernes", "Sábado", "Domingo",
        "Christmas", "Easter", "Ramadan", "Eid",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs of saying, used for persons ("X said") and quotes.</summary>
    public static readonly FrozenSet<string> SpeechVerbs = new[]
    {
        "said", "says", "told", "tells", "added", "stated", "noted", "explained", "warned", "declared", "insisted",
        "argued", "claimed", "announced", "wrote", "tweeted", "asked", "replied", "confirmed", "admitted", "acknowledged",
        "stressed", "urged", "recalled", "continued", "concluded", "observed", "remarked", "commented", "predicted",
        "déclaré", "dit", "affirmé", "sagte", "erklärte", "betonte", "dijo", "afirmó", "declaró", "aseguró",
        "detto", "dichiarato", "disse", "afirmou", "declarou",
    }.ToFrozenSet(Ci);

    /// <summary>Second words that make a place name of the first ("Gaza Strip", "Kandahar Province").</summary>
    public static readonly FrozenSet<string> PlaceSuffixes = new[]
    {
        "Strip", "Province", "Region", "District", "County", "State", "City", "Valley", "Governorate", "Oblast",
        "Prefecture", "Municipality", "Township", "Island", "Islands", "Peninsula", "Basin", "Coast",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Prepositions before a place ("in Bannu").</summary>
    public static readonly FrozenSet<string> PlacePrepositions = new[]
    {
        "in", "at", "near", "from", "outside", "across", "to", "into", "around", "towards", "toward", "en", "à", "au",
        "aux", "bei", "nach", "aus", "im", "em", "no", "na", "nel", "nella", "a", "desde", "para", "von", "de", "di", "da",
        "do", "del", "des", "du", "della", "dalla", "região", "región", "région",
    }.ToFrozenSet(Ci);
}
