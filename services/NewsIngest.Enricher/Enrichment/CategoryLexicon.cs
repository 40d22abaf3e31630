using System.Collections.Frozen;
using System.Globalization;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>
/// Cue words for the IPTC Media Topics top-level categories, in English, French, German, Spanish,
/// Italian and Portuguese. An entry ending in <c>*</c> matches any word it begins; <c>:W</c> sets a weight
/// (1 by default) for words that also belong elsewhere; <c>a_b</c> is the word pair "a b".
/// </summary>
public sealed class CategoryLexicon
{
    public const int MinPrefix = 4;

    private static readonly (string Code, string Words)[] Source =
    [
        ("arts-culture-entertainment", """
            film films filmmaker* movie* cinema* actor* actress* album* song* singer* concert* music* musician* festival*
            theatre* theater* museum* artist* artwork* exhibition* painting* painter* novel novels novelist* author:0.5
            poet* poetry celebrit* hollywood bollywood oscar* grammy* emmy* netflix drama comedy premiere* gallery
            galleries opera ballet dancer* culture:0.7 cultural:0.7 heritage:0.5 literature fiction rapper pop:0.5
            documentary sculpture* orchestra* box-office screenplay sitcom bestseller* playwright*
            cinéma chanson* chanteu* musique musée* roman théâtre artiste* kino sänger* ausstellung* künstler* kultur*
            película* cine canción canciones cantante* música museo* exposición novela* teatro cultura* canzon* cantant*
            mostra romanzo filme* canção cantor* museu* exposição livro* musica
            """),
        ("conflict-war-peace", """
            war wars warfare military:0.8 army:0.7 troops soldier* militant* insurgen* rebel* terror* extremis* jihad*
            bomb* blast* explos*:0.6 airstrike* missile* rocket*:0.6 shelling artillery drone*:0.5 ceasefire cease-fire
            truce peacekeep* invasion invade* occupation:0.5 offensive:0.5 battle* combat* frontline clash*:0.6 fighter*
            fighting gunmen armed:0.6 weapon* taliban hamas hezbollah qaeda militia* guerrilla* siege hostage*:0.6
            casualt*:0.6 genocide ambush* attack*:0.6 insurgency coup sectarian:0.5 suicide:0.3 warplane* tank:0.3
            tanks:0.5 nato:0.7 mortar* grenade* landmine* peace:0.6 massacre* separatist* annex*:0.5 shell:0.3
            guerre militaire* armée soldat* terroris* attentat* bombard* frappe* cessez-le-feu paix combat* rebelle*
            djihad* krieg* militär* armee terror* anschlag* anschläge bombe* rakete* waffenruhe waffenstillstand
            frieden* kämpf* angriff* truppe* guerra ejército soldado* atentado* misil* paz combate* ataque* tropas
            esercito attacc* truppe cessate missil* exército cessar-fogo
            """),
        ("crime-law-justice", """
            police:0.7 policeman policemen arrest* crime* criminal* court:0.8 courts judge* trial* prosecut* lawyer*
            attorney* charged:0.7 convict* sentenc* prison* jail* murder* homicide* robbery robber* theft thief thieves
            fraud* corruption bribe* smuggl* trafficking drug*:0.5 cartel* gang* investigat*:0.4 suspect* lawsuit* sued
            verdict* guilty acquit* justice:0.7 legal:0.5 illegal*:0.6 detective* shooting:0.4 stabbing* stabbed
            kidnap*:0.6 abduct*:0.5 rape* assault* custody bail burglar* offender* jury juror* testimony testified
            manslaughter indict* felony misdemeanor penalty:0.3 extradit* appeal:0.3 supreme:0.5
            policier* crime crimes criminel* tribunal* juge* procès procureur* avocat* condamn* meurtre* fraude* enquête*
            polizei* festgenommen festnahme* verbrech* kriminal* gericht* richter* prozess* staatsanwalt* anwalt*
            verurteil* gefängnis* mord* diebstahl* betrug* korruption ermittl* verdächtig* justiz* policía detenid*
            detención crimen juez jueces juicio* fiscal:0.5 abogad* conden* cárcel* prisión asesinat* robo* corrupción
            sospechos* justicia polizia poliziott* arrestat* tribunale giudic* processo procur* avvocat* condann*
            carcer* omicid* furto frode corruzione indagin* sospett* giustizia polícia detid* juiz julgamento*
            advogad* prisão cadeia roubo* corrupção suspeit* justiça
            """),
        ("disaster-accident-emergency", """
            earthquake* quake* tsunami* flood* hurricane* typhoon* cyclone* tornado* wildfire* bushfire* fire:0.5 fires:0.5
            blaze* landslide* mudslide* avalanche* volcan* eruption* drought*:0.5 disaster* catastroph* accident* crash*
            collision* derail* capsiz* sank sinking shipwreck* rescue* rescuer* emergenc* evacuat* victims:0.5 survivor*
            death_toll:1.5 firefighter* collapse*:0.6 stampede* aftershock* magnitude:0.5 debris:0.5 trapped missing:0.3
            séisme* inondation* ouragan* incendie* catastrophe* accident naufrage* secours sauveteur* évacu* erdbeben*
            überschwemmung* hochwasser* flut* brand:0.5 brände feuer* katastroph* unfall* unglück* rettung* evakuier*
            terremoto* sismo* inundaci* huracán incendio* catástrofe* accidente* naufragio* rescate* evacua* emergencia*
            alluvion* inondazion* uragano incendi* catastrof* incidente* soccors* emergenza* enchente* furacão acidente*
            colisão resgate* emergência*
            """),
        ("economy-business-finance", """
            economy econom* business* market* stock* shares shareholder* investor* invest* bank:0.5 banks:0.6 banking
            finance financ* inflation interest_rate:1.5 gdp growth:0.4 recession* trade:0.5 tariff* export* import*
            company:0.6 companies corporate profit* revenue* earnings sales quarter*:0.4 ceo:0.5 merger* acquisition*
            startup* industry industr* manufactur* price* prices currency currencies dollar*:0.6 euro:0.5 euros:0.6 yen
            bitcoin crypto* debt* budget*:0.5 tax:0.5 taxes:0.5 fiscal central_bank:1.5 nasdaq dow ipo billion:0.3
            consumer* retail* supply_chain:1.5 oil:0.4 brand:0.3 customers:0.5 bankrupt* insolven* loan* lender*
            mortgage* wall_street:1.5 exports imports firm:0.4 firms:0.6 subsidi* valuation* dividend* bond:0.5 bonds
            économi* entreprise* marché* bourse* investiss* banque* croissance récession commerce bénéfice* prix dette
            impôt* wirtschaft* unternehm* markt* märkte börse* aktie* anleger* zins* wachstum* rezession handel*
            gewinn* umsatz* preis* schulden* steuer* konzern* economía económic* empresa* mercado* bolsa* inversi*
            inflación crecimiento recesión comercio beneficio* ventas precio* deuda* presupuesto* impuesto* industria*
            economi* impres* aziend* mercat* borsa investiment* banca banche inflazione crescita recessione commerci*
            utili fatturato prezz* debito bilancio impost* economia econômic* investi* inflação juros crescimento
            recessão comércio lucro* vendas preço* dívida* orçamento* imposto* indústria*
            """),
        ("education", """
            school* pupil* student* teacher* teaching university:0.5 universities college*:0.6 campus* education*
            educat* classroom* curriculum* exam* tuition degree*:0.4 graduat* scholarship* kindergarten* literacy
            academic* lecturer* professor:0.3 headteacher* enrol* syllabus
            école* élève* étudiant* enseignant* professeur* universit* éducation scolaire* examen* baccalauréat
            schule* schüler* lehrer* hochschul* bildung* unterricht* prüfung* abitur escuela* colegio* alumn*
            estudiant* profesor* educación educativ* scuol* insegnant* docent* istruzione educazione esam* escola*
            estudant* educação ensino
            """),
        ("environment", """
            climate climat* emission* carbon co2 greenhouse pollut* environment* ecolog* biodiversity species wildlife
            deforestation forest*:0.6 renewable* solar:0.7 wind_power:1.5 wind_farm:1.5 recycl* plastic*:0.6
            conservation endangered extinct* fossil_fuel:1.5 global_warming:2 sustainab* ocean*:0.5 coral* glacier*
            net_zero:1.5 environmental habitat* poach* ecosystem* emissions
            émission* carbone environnement* écolog* biodiversité espèces forêt* renouvelable* recyclage plastique*
            klima* umwelt* verschmutz* artenvielfalt wald erneuerbar* nachhaltig* emision* carbono contamina*
            ambiental* biodiversidad especies bosque* renovable* sostenib* inquinament* ambient* biodiversità
            rinnovabil* sostenibil* poluição biodiversidade espécies floresta* renováve* sustentáve*
            """),
        ("health", """
            health healthcare health-care healthy:0.2 healthier:0.2 hospital* patient* doctor* nurse* medical medicine* disease* virus* viral:0.3 infection* infect*
            pandemic* epidemic* outbreak*:0.7 covid* coronavirus vaccin* cancer* diabetes obesity surgery surgeon*
            clinic* treatment* therapy therap* mental_health:1.5 dementia alzheimer* malaria cholera ebola measles flu
            influenza symptom* diagnos* pharmac* nhs physician* illness* medication* dose* who:0.2 tumour* tumor*
            santé hôpita* médecin* infirmi* médica* maladie* épidémie* pandémie* soins traitement* gesundheit*
            krankenhaus* klinik* arzt ärzt* pflege* krankheit* infektion* pandemie* epidemie* impf* krebs* behandlung*
            medizin* salud paciente* médico* enfermer* enfermedad* infección* pandemia* epidemia* vacun* cáncer
            tratamiento* sanitari* salute ospedal* pazient* infermier* malatti* infezion* cancro* saúde hospita*
            enfermeir* doença* vírus infecção* vacina* câncer tratamento*
            """),
        ("human-interest", """
            animal* pet:0.6 pets dog* cat:0.6 cats zoo* birthday* centenarian* wedding* world_record:1.5 guinness
            lottery heartwarming reunited oldest:0.6 anniversar*:0.5 puppy puppies kitten* bride groom
            anniversaire* mariage* chien* chat tier* hund* katze* geburtstag* hochzeit* perro* gato* cumpleaños boda*
            cane cani gatt* compleanno cachorro* casamento*
            """),
        ("labour", """
            worker* labour labor trade_union:2 unions strike*:0.7 striking:0.6 walkout* wage* salary salaries employment
            unemploy* jobless* jobs:0.7 layoff* laid_off:1.5 redundanc* workforce pension*:0.5 minimum_wage:2 employer*
            employee*:0.6 collective_bargaining:2 overtime workplace* staff:0.3 hiring
            grève* salari* syndicat* emploi* chômage travailleur* licenci* retraite* streik* gewerkschaft*
            arbeitnehmer* beschäftigt* arbeitslos* lohn* löhne gehalt* tarif* entlass* huelga* sindicat* trabajador*
            empleo* desempleo despid* sciopero* sindacat* lavorator* occupazion* disoccupazion* licenzia* greve*
            trabalhador* emprego* desemprego demiss*
            """),
        ("lifestyle-leisure", """
            travel* tourism tourist* holiday* vacation* recipe* food:0.5 cooking cuisine restaurant* fashion* beauty
            fitness wellness hobby hobbies gardening garden*:0.5 shopping:0.5 wine* beer cocktail* hotel*:0.6 cruise*
            dating lifestyle* chef:0.5 dish:0.3 dishes:0.4 menu:0.5 spa skincare
            voyage* touris* vacances recette* cuisine* mode:0.5 beauté jardin* reise* urlaub* rezept* küche wein*
            viaje* turis* vacaciones receta* cocina* restaurante* moda belleza vino* viagg* vacanz* ricett* ristorant*
            bellezza viage* férias receita* cozinha* beleza vinho*
            """),
        ("politics", """
            election* elected elector* vote* voter* voting ballot* poll*:0.5 campaign*:0.5 parliament* senate senator*
            congress* lawmaker* legislat* government*:0.7 minister* ministr* president*:0.6 presidential prime_minister:2
            cabinet opposition:0.7 party:0.5 parties politic* democrat* republican* conservative* liberal* coalition*
            referendum* diplomat* diplomacy foreign_policy:1.5 summit*:0.5 treaty* sanction*:0.6 embassy ambassador*
            mayor* governor* reform*:0.3 policy:0.4 legislation constitution* impeach* chancellor* mp mps candidate*
            premier:0.6 regime:0.6 authorities:0.3 nationalist* populist* bilateral negotiat*:0.3
            élection* électeur* scrutin* gouvernement* ministre* président* parlement* assemblée sénat* député*
            politique* parti opposition réforme* wahl wahlen wähler* wahlkampf* abstimmung* regierung* präsident*
            kanzler* parlament* bundestag* abgeordnet* politik* politisch* partei* koalition* elecci* votación votos
            gobierno* congreso* senado* diputad* polític* partido* oposición elezion* elettor* voto voti govern*
            senato* deputat* partit* opposizione riform* eleiç* eleitor* votação deputad* oposição
            """),
        ("religion", """
            religio* church* mosque* temple* synagogue* pope vatican bishop* priest* clergy cleric* imam* rabbi* faith*
            worship* pray* islam* muslim* christian* catholic* protestant* evangelical* jewish judaism hindu* buddhis*
            sikh* ramadan eid easter:0.5 christmas:0.3 pilgrim* hajj blasphem* shia shiite* sunni* ismaili* ahmadi*
            sermon* diocese* archbishop* theolog* secular:0.5
            église* mosquée* pape prêtre* musulman* chrétien* catholique* juif* prière* kirche* moschee* papst
            priester* katholi* jüd* gebet* iglesia* mezquita* sacerdote* musulm* cristian* católic* judí* oración
            chiesa chiese moschea* sacerdot* cattolic* preghier* igreja* mesquita* muçulman* cristã* cristão* oração
            """),
        ("science-technology", """
            science* scientist* scientific research*:0.5 researcher* study:0.3 technolog* tech software hardware
            computer* internet online:0.3 digital* artificial_intelligence:2 ai robot* smartphone* iphone* app apps
            chip* semiconductor* cyber* hack* data:0.3 algorithm* space:0.5 nasa satellite* astronaut* orbit* planet*
            telescope* physics physicist* chemistry biology genetic* gene genes dna quantum innovation*:0.5 5g
            electric_vehicle:1.5 batter*:0.5 spacecraft launch:0.3 asteroid* galaxy galaxies microsoft google apple:0.5
            openai chatbot* browser* encryption startup:0.3 engineer*:0.5 laboratory lab:0.5 experiment*
            chercheur* recherche* logiciel* ordinateur* numérique* intelligence_artificielle:2 espace:0.4 planète*
            wissenschaft* forsch* künstliche_intelligenz:2 weltraum* satellit* cienci* científic* investigador*
            informátic* inteligencia_artificial:2 satélite* planeta* scienz* scienziat* ricercator* ricerca informatic*
            intelligenza_artificiale:2 pianet* ciência* cientista* pesquisador* pesquisa* inteligência_artificial:2
            """),
        ("society", """
            society social:0.5 communit*:0.3 poverty poor:0.5 homeless* housing welfare migrant* migration immigra*
            refugee* asylum* racism racial discriminat* equality inequalit* gender women:0.4 feminis* lgbt* gay
            transgender same-sex protest*:0.5 protester* demonstrat*:0.4 activist*:0.5 human_rights:1.5 civil_rights:1.5
            charity* volunteer* families:0.3 children:0.3 elderly youth:0.4 population:0.4 census minorit*:0.4
            abortion* marriage:0.3 disabilit* homelessness
            société social* pauvreté logement* immigr* réfugié* racism* discrimination* égalité manifest*:0.4
            gesellschaft* sozial* armut wohnung* flüchtling* einwander* asyl* rassismus diskriminier* sociedad* pobreza
            vivienda* inmigra* refugiad* igualdad protesta* societ* povertà rifugiat* razzism* uguaglianza sociedade*
            moradia* imigra* igualdade
            """),
        ("sport", """
            football* soccer game:0.4 games:0.4 tournament* championship* champion*:0.7 league*:0.6 cup:0.5 goal*:0.6
            scored score:0.3 striker* midfielder* defender:0.3 goalkeeper* coach*:0.6 player*:0.6 team*:0.5 club:0.5
            stadium* olympi* medal* athlete* athletic* tennis golf* cricket* rugby basketball* baseball nba nfl fifa uefa
            premier_league:2 world_cup:2 grand_prix:2 formula_one:2 race:0.4 racing marathon* boxing boxer* wrestl*
            cycling cyclist* swimmer* swimming sprint* innings wicket* batsman bowler* quarterback* touchdown*
            referee* fans:0.3 season:0.3 victory:0.3 semi-final* semifinal* quarter-final* final:0.3 playoff* titles:0.3
            matches:0.5 squad* midfield kick-off transfer:0.3 hat-trick
            championnat* joueur* équipe* entraîneur* buts stade* olympique* médaille* fußball* mannschaft* trainer*
            tore stadion* meisterschaft* bundesliga spieler* fútbol futbol* liga jugador* equipo* entrenador* gol goles
            estadio* olímpic* campeonato* calcio partita* campionato* giocator* squadr* allenator* stadio futebol
            partida* jogador* equipe* treinador*
            """),
        ("weather", """
            weather forecast*:0.6 temperature* heatwave* heat_wave:2 rain* rainfall snow* storm*:0.7 thunderstorm*
            meteorolog* celsius fahrenheit degrees:0.3 sunny cloudy frost* fog humid* monsoon*:0.7 cold_snap:2 hail*
            showers:0.5 gusts gust* blizzard*
            météo* prévisions température* canicule pluie* neige* orage* tempête* wetter* temperatur* hitze* regen*
            schnee* gewitter* sturm* unwetter* temperatura* lluvia* nieve* tormenta* pioggi* neve temporal* chuva*
            tempestade*
            """),
    ];

    private readonly FrozenDictionary<string, (string Code, double Weight)[]> _exact;
    private readonly FrozenDictionary<string, (string Code, double Weight)[]> _prefixes;

    private CategoryLexicon(FrozenDictionary<string, (string, double)[]> exact, FrozenDictionary<string, (string, double)[]> prefixes)
    {
        _exact = exact;
        _prefixes = prefixes;
    }

    public static IReadOnlyList<string> Codes { get; } = Source.Select(s => s.Code).ToList();

    public static CategoryLexicon Create()
    {
        var exact = new Dictionary<string, List<(string, double)>>(StringComparer.Ordinal);
        var prefixes = new Dictionary<string, List<(string, double)>>(StringComparer.Ordinal);
        foreach (var (code, words) in Source)
        {
            var entries = words.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
            foreach (var entry in entries)
            {
                var word = Word(entry).Replace('_', ' ');
                Add(word.EndsWith('*') ? prefixes : exact, word.TrimEnd('*'), code, Weight(entry));
            }
        }

        return new CategoryLexicon(
            exact.ToFrozenDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal),
            prefixes.ToFrozenDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>The categories a lower-case word (or word pair) points to.</summary>
    public IEnumerable<(string Code, double Weight)> Match(string word)
    {
        if (_exact.TryGetValue(word, out var exact))
        {
            return exact;
        }

        if (word.Contains(' ', StringComparison.Ordinal))
        {
            return [];
        }

        for (var length = word.Length; length >= MinPrefix; length--)
        {
            if (_prefixes.TryGetValue(word[..length], out var found))
            {
                return found;
            }
        }

        return [];
    }

    private static string Word(string entry) => entry.Split(':')[0];

    private static double Weight(string entry) =>
        entry.Split(':') is [_, var w] ? double.Parse(w, CultureInfo.InvariantCulture) : 1.0;

    private static void Add(Dictionary<string, List<(string, double)>> map, string key, string code, double weight)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        if (!list.Exists(e => e.Item1 == code))
        {
            list.Add((code, weight));
        }
    }
}
