using System.Text;

namespace CityMgmt.Infrastructure.Cases;

/// <summary>
/// Case text (address and description) as overlapping two-character tokens for the SQLite full-text index: Chinese has
/// no spaces between words, and most searches are two or three characters ("井盖", "人民路"). A search for a run of
/// two or more characters is the phrase of its bigrams, which matches exactly where the run occurs in the text.
/// </summary>
public static class CaseSearchText
{
    /// <summary>Space-separated bigrams of every run of letters and digits; a run of one character is kept whole.</summary>
    public static string Tokens(params string?[] texts)
    {
        var builder = new StringBuilder();
        foreach (var run in texts.SelectMany(Runs))
        {
            if (run.Length == 1)
            {
                Append(builder, run);
                continue;
            }

            for (var i = 0; i + 1 < run.Length; i++)
            {
                Append(builder, run.Substring(i, 2));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The FTS5 query for a search text: one quoted bigram phrase per run, all required. Null when a run is a single
    /// character (bigrams cannot find it; the caller searches without the index).
    /// </summary>
    public static string? Match(string text)
    {
        var runs = Runs(text).ToList();
        if (runs.Count == 0 || runs.Exists(r => r.Length < 2))
        {
            return null;
        }

        return string.Join(" AND ", runs.Select(r => $"\"{Tokens(r)}\""));
    }

    private static void Append(StringBuilder builder, string token)
    {
        if (builder.Length > 0)
        {
            builder.Append(' ');
        }

        builder.Append(token);
    }

    private static IEnumerable<string> Runs(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inRun = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inRun && start < 0)
            {
                start = i;
            }
            else if (!inRun && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }
}
