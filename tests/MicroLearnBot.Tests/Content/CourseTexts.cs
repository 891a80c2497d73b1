namespace MicroLearnBot.Tests.Content;

/// <summary>
/// A valid course as file texts. Tests replace single lines to break one rule, so the line numbers noted
/// here are the lines the expected problems point at.
/// </summary>
internal static class CourseTexts
{
    public const string CourseId = "sma-steg";

    // Line 1 title, 2 description, 3-4 objectives, 5 language, 6 audience, 7 desired_retention, 8 estimated_minutes.
    public const string CourseYaml = """
        title: "Lär dig i små steg"
        description: "Korta lektioner som fastnar."
        objectives:
          - "Förklara varför små steg fungerar"
        language: sv
        audience: "Alla medarbetare"
        desired_retention: 0.9
        estimated_minutes: 14

        """;

    public const string EnglishTranslationBlock = """
        translations:
          en:
            title: "Learn in small steps"
            description: "Short lessons that stick."
            objectives:
              - "Explain why small steps work"

        """;

    // Line 1 ---, 2 id, 3 title, 4 estimated_minutes, 5 reflection, 6 checks, 7 - id: q1, 8 question,
    // 9 type, 10 choices, 11-12 first choice, 13 second choice, 14 explanation, 15 ---, 16 body.
    public const string FirstNugget = """
        ---
        id: forsta-steget
        title: "Första steget"
        estimated_minutes: 7
        reflection: "Vad tar du med dig till nästa pass?"
        checks:
          - id: q1
            question: "Hur lång är en lektion?"
            type: single
            choices:
              - text: "Fem till femton minuter"
                correct: true
              - text: "En timme"
            explanation: "Korta lektioner ryms i ett arbetspass."
        ---
        Små steg är **lätta** att ta.

        Läs mer om [inlärning](https://example.org/inlarning).

        """;

    public const string SecondNugget = """
        ---
        id: andra-steget
        title: "Andra steget"
        estimated_minutes: 7
        reflection: "När repeterar du helst?"
        checks:
          - id: q1
            question: "Vilka hjälper minnet?"
            type: multiple
            choices:
              - text: "Repetition"
                correct: true
              - text: "Att testa sig själv"
                correct: true
              - text: "Att läsa en gång"
            explanation: "Repetition och återhämtning stärker minnet."
        ---
        Repetera med jämna mellanrum.

        """;

    public const string FirstNuggetEnglish = """
        ---
        id: forsta-steget
        title: "The first step"
        estimated_minutes: 7
        reflection: "What will you take to your next shift?"
        checks:
          - id: q1
            question: "How long is a lesson?"
            type: single
            choices:
              - text: "Five to fifteen minutes"
                correct: true
              - text: "An hour"
            explanation: "Short lessons fit into a shift."
        ---
        Small steps are **easy** to take.

        """;

    public const string SecondNuggetEnglish = """
        ---
        id: andra-steget
        title: "The second step"
        estimated_minutes: 7
        reflection: "When do you prefer to review?"
        checks:
          - id: q1
            question: "What helps memory?"
            type: multiple
            choices:
              - text: "Repetition"
                correct: true
              - text: "Testing yourself"
                correct: true
              - text: "Reading once"
            explanation: "Repetition and retrieval strengthen memory."
        ---
        Review at regular intervals.

        """;

    /// <summary>Returns <paramref name="text"/> with its 1-based line <paramref name="line"/> replaced.</summary>
    public static string ReplaceLine(string text, int line, string replacement)
    {
        var lines = text.Split('\n');
        lines[line - 1] = replacement;
        return string.Join('\n', lines);
    }

    /// <summary>Returns <paramref name="text"/> with <paramref name="replacement"/> inserted before its 1-based line <paramref name="line"/>.</summary>
    public static string InsertLine(string text, int line, string replacement)
    {
        var lines = text.Split('\n').ToList();
        lines.Insert(line - 1, replacement);
        return string.Join('\n', lines);
    }
}
