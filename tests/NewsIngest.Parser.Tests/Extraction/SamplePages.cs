namespace NewsIngest.Parser.Tests.Extraction;

/// <summary>Small pages written for these tests: a story about a fictional harbour town's new ferry.</summary>
internal static class SamplePages
{
    public static readonly string[] StoryParagraphs =
    [
        "The harbour council of Easthaven voted on Tuesday to replace the town's forty-year-old ferry, ending a debate that had run for most of the decade.",
        "Councillors approved a budget of 12 million, which will pay for a battery-powered vessel able to carry 300 passengers and 40 cars on each crossing.",
        "Residents on the island side of the strait, many of whom commute daily, had complained that breakdowns left them stranded twice last winter.",
        "The new ferry is expected to enter service in the spring of next year, after sea trials that the shipyard says will take about eight weeks.",
    ];

    /// <summary>Teasers of other stories from the same paper: a headline and a two-sentence summary each.</summary>
    public static readonly (string Headline, string Summary)[] Teasers =
    [
        ("Lifeboat crew rescues two kayakers off the point",
         "Volunteers launched twice in one afternoon after a change in the wind pushed two kayakers towards the rocks below the lighthouse. Both were brought ashore cold but unhurt, and the crew asked visitors to check the forecast before setting out."),
        ("School roof to be replaced over the summer",
         "The primary school on Quay Street will get a new roof during the holidays, after inspectors found leaks in three classrooms. Lessons will not be disrupted, the head teacher said, because the builders have promised to finish before term starts."),
        ("Fish market reopens after two-year refit",
         "Traders returned to the covered market on Saturday, where new cold rooms and a wider loading bay were finished this month. Queues formed before dawn, and several stalls had sold out of crab and mackerel by the middle of the morning."),
        ("Council to consult on harbour parking charges",
         "Drivers who leave cars at the harbour for the day may pay more from April, under plans put out for consultation this week. Residents with permits would not be affected, but traders fear that day visitors will simply stop coming to the town."),
        ("Sea wall repairs begin before winter storms",
         "Contractors started work on the eastern sea wall, where last year's storms washed out a section near the old boathouse. The footpath along the top of the wall will stay closed until the end of November while the stone is replaced."),
        ("Island bakery wins regional bread award",
         "A family bakery on the island took first prize for its sourdough at the county show, beating forty entries from the mainland. The owners, who bake through the night, said they would celebrate by taking their first weekend off in three years."),
        ("New bus route links the ferry with the station",
         "From next month a bus will meet every ferry at the landing and run to the railway station, the transport board said. The service will run for a trial year, and its future will depend on how many passengers use it over the winter."),
        ("Lighthouse open to visitors for one weekend",
         "The keepers' cottage and the lamp room will be open on both days, with guided climbs every hour while the weather allows. Tickets are free but must be booked, because only twelve people at a time can stand in the narrow lamp room."),
        ("Rowing club celebrates its hundredth year",
         "Members past and present gathered at the boathouse for a regatta, a dinner and the unveiling of a restored racing boat. The oldest rower there, who joined the club as a boy, gave the starting signal for the first race of the day."),
        ("Library extends opening hours on Saturdays",
         "The town library will stay open until five on Saturdays, after a survey found that many readers could not visit in the week. Two more staff have been hired for the longer hours, paid for by a grant from the county's reading fund."),
        ("Swimmers asked to avoid the north beach",
         "Water tests after heavy rain found high bacteria levels, and signs have been put up asking people not to swim there for now. The council expects the water to clear within a few days and will take new samples every morning until it does."),
        ("Harbour festival moves to the first weekend of July",
         "Organisers said the change gives fishing crews a chance to take part before the busiest weeks of the season begin. The festival will keep its boat parade and its evening concert, and a new craft market will fill the fish quay."),
        ("Coastguard station to get a new radio mast",
         "The mast on the headland will be replaced in the spring, giving the station clearer contact with boats far out in the bay. Walkers will be kept away from the site for two weeks while the old mast is taken down and the new one is raised."),
        ("Ferry fares frozen for island residents",
         "Islanders will pay the same for their season tickets next year, the operator said, while visitors will pay a little more. The operator said the rise for visitors would cover the cost of the extra crossings it plans to add in the summer."),
        ("Art trail returns to the old warehouses",
         "Painters and potters will open their studios in the harbour warehouses for three weekends, with maps from the tourist office. Last year the trail drew more visitors than expected, and several artists ran out of work to sell on the first day."),
        ("Allotment holders win their fight over water",
         "The council has agreed to keep the standpipes on the cliff allotments running all year, after a petition signed by hundreds. Growers had warned that without water in the winter their leeks, kale and broad beans would not survive until spring."),
    ];

    /// <summary>A page with the story in an article element, surrounded by <paramref name="extraBody"/> and <paramref name="insideArticle"/>.</summary>
    public static string Story(string head = "", string insideArticle = "", string extraBody = "", string bodyAttributes = "")
    {
        var paragraphs = string.Concat(StoryParagraphs.Select(p => $"<p>{p}</p>\n"));
        return $"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head><meta charset="utf-8"><title>Easthaven votes for a new ferry | Harbour Gazette</title>{head}</head>
            <body{bodyAttributes}>
            <header class="site-header"><a href="/">Harbour Gazette</a></header>
            <main>
            <article>
            <h1>Easthaven votes for a new ferry</h1>
            {paragraphs}
            {insideArticle}
            </article>
            </main>
            {extraBody}
            </body>
            </html>
            """;
    }
}
