using System.Collections.Frozen;
using System.Text;

namespace StretchLibrary.Web.Library.Content;

/// <summary>
/// An inverted index over the stretches, built once per content load. Matching ignores case, punctuation and
/// plurals, tolerates one typo per word, and ranks area, title and alias hits first. A stretch's complaints (the
/// words people use for what they feel: "between the shoulder blades", "desk", "kyphosis") are searched too, and the
/// one a result matched is returned with it, so a page can show it in the stretch's own honest words.
/// </summary>
public sealed class SearchIndex
{
    private const int TitleWeight = 1000, AliasWeight = 800, ComplaintWeight = 500, TagWeight = 60, SummaryWeight = 30, BodyWeight = 10;

    private static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
        ["a", "an", "and", "the", "of", "for", "to", "in", "on", "at", "with", "my", "your", "you", "is", "it", "or", "by", "from", "how", "do", "be", "as", "this", "that", "are", "if"],
        StringComparer.Ordinal);

    /// <summary>Ranks every stretch of an area a query names above anything that only mentions the word.</summary>
    private const int AreaWeight = 2000;

    /// <summary>Words people use for an area (after <see cref="Stem"/>: "blades" is "blade").</summary>
    private static readonly FrozenDictionary<string, Category> AreaWords = new Dictionary<string, Category>(StringComparer.Ordinal)
    {
        ["neck"] = Category.Neck,
        ["posture"] = Category.Posture,
        ["shoulder"] = Category.Posture,
        ["blade"] = Category.Posture,
        ["hunched"] = Category.Posture,
        ["slouch"] = Category.Posture,
        ["slouching"] = Category.Posture,
        ["rounded"] = Category.Posture,
        ["kyphosis"] = Category.Posture,
        ["headache"] = Category.Neck,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>How it feels rather than what to do: these add to the score but are not required.</summary>
    private static readonly FrozenSet<string> SymptomWords = FrozenSet.ToFrozenSet(
        ["stiff", "stiffness", "tight", "tightness", "sore", "soreness", "ache", "aching", "achy", "pain", "painful", "hurt", "hurting", "tense", "tension", "hunched", "slouching", "crick"],
        StringComparer.Ordinal);

    /// <summary>True for a word that says how something feels ("stiff", "pain") rather than what or where.</summary>
    public static bool IsSymptomWord(string term) => SymptomWords.Contains(term);

    private readonly IReadOnlyList<Stretch> _stretches;
    private readonly FrozenDictionary<string, (int Doc, int Weight)[]> _postings;
    private readonly string[] _sortedTerms;

    // Terms grouped by length: a word one edit away from another differs in length by at most one.
    private readonly FrozenDictionary<int, string[]> _termsByLength;

    public SearchIndex(IReadOnlyList<Stretch> stretches)
    {
        _stretches = stretches;
        var postings = new Dictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
        for (var doc = 0; doc < stretches.Count; doc++)
        {
            var s = stretches[doc];
            Add(postings, doc, s.Title, TitleWeight);
            foreach (var alias in s.Aliases)
            {
                Add(postings, doc, alias, AliasWeight);
            }

            foreach (var complaint in s.Complaints)
            {
                Add(postings, doc, complaint, ComplaintWeight);
            }

            var tags = s.Positions.Select(t => t.Name).Concat(s.Equipment.Select(t => t.Name)).Concat(s.Targets).Append(s.Category.ToString());
            Add(postings, doc, string.Join(' ', tags), TagWeight);
            Add(postings, doc, s.Summary, SummaryWeight);
            Add(postings, doc, s.BodyText, BodyWeight);
        }

        _postings = postings.ToFrozenDictionary(p => p.Key, p => p.Value.Select(kv => (kv.Key, kv.Value)).ToArray(), StringComparer.Ordinal);
        _sortedTerms = [.. postings.Keys.Order(StringComparer.Ordinal)];
        _termsByLength = _sortedTerms.GroupBy(t => t.Length).ToFrozenDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>
    /// The stretches matching every word of <paramref name="query"/>, best first; when none does, the ones matching
    /// some words, most words first, marked <see cref="SearchResults.Partial"/>. Area words ("neck", "upper back",
    /// "shoulder blades", "posture") are met by every stretch of that area and rank it first; symptom words
    /// ("stiff", "sore", "pain") only add to the score, so "stiff neck" is a search for neck stretches.
    /// </summary>
    public SearchResults Search(string query)
    {
        var words = Tokenize(query).Distinct().Take(10).ToArray();
        if (words.Length == 0)
        {
            return SearchResults.None;
        }

        var areas = AreasIn(words);
        var required = words.Where(w => !SymptomWords.Contains(w)).ToArray();
        if (required.Length == 0)
        {
            required = words;
        }

        // Per document: the summed score and how many required words matched.
        var total = new double[_stretches.Count];
        var matched = new int[_stretches.Count];
        var best = new double[_stretches.Count];
        foreach (var word in words)
        {
            Array.Clear(best);
            Match(word, best);
            if (areas.TryGetValue(word, out var area))
            {
                for (var doc = 0; doc < best.Length; doc++)
                {
                    best[doc] += _stretches[doc].Category == area ? AreaWeight : 0;
                }
            }

            var counts = required.Contains(word);
            for (var doc = 0; doc < best.Length; doc++)
            {
                if (best[doc] > 0)
                {
                    total[doc] += best[doc];
                    matched[doc] += counts ? 1 : 0;
                }
            }
        }

        var full = Enumerable.Range(0, _stretches.Count).Where(doc => matched[doc] == required.Length).ToArray();
        var partial = full.Length == 0;
        Stretch[] found = [.. (partial ? Enumerable.Range(0, _stretches.Count).Where(doc => matched[doc] > 0) : full)
            .OrderByDescending(doc => matched[doc])
            .ThenByDescending(doc => total[doc])
            .ThenBy(doc => _stretches[doc].Title, StringComparer.OrdinalIgnoreCase)
            .Select(doc => _stretches[doc])];
        var complaints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var stretch in found)
        {
            if (MatchedComplaint(stretch, required) is { } complaint)
            {
                complaints[stretch.Slug] = complaint;
            }
        }

        return new SearchResults(found, partial && matched.Any(m => m > 0), complaints);
    }

    /// <summary>The complaint line that holds the most of the query's words (as typed or as a word's start), if any.</summary>
    private static string? MatchedComplaint(Stretch stretch, string[] words) =>
        stretch.Complaints
            .Select(line => (Line: line, Terms: Tokenize(line).ToArray()))
            .Select(c => (c.Line, Hits: words.Count(w => c.Terms.Any(t => t == w || (w.Length >= 3 && t.StartsWith(w, StringComparison.Ordinal))))))
            .Where(c => c.Hits > 0)
            .OrderByDescending(c => c.Hits)
            .Select(c => c.Line)
            .FirstOrDefault();

    /// <summary>The query words that name an area, with the area: "neck", "posture", and "upper back" as a pair.</summary>
    private static Dictionary<string, Category> AreasIn(string[] words)
    {
        var areas = new Dictionary<string, Category>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            if (AreaWords.TryGetValue(word, out var area))
            {
                areas[word] = area;
            }
        }

        // "between the shoulder blades" is the mid back, not the shoulder blades themselves.
        if (words.Contains("between") && words.Any(w => w is "shoulder" or "blade"))
        {
            foreach (var word in words.Where(w => w is "between" or "shoulder" or "blade"))
            {
                areas[word] = Category.Back;
            }
        }

        // "back" alone is also a position ("lying on back"); it names the area only with "upper", "mid" or "middle".
        if (words.Contains("back") && words.Any(w => w is "upper" or "mid" or "middle"))
        {
            areas["back"] = Category.Back;
            foreach (var word in words.Where(w => w is "upper" or "mid" or "middle"))
            {
                areas[word] = Category.Back;
            }
        }

        return areas;
    }

    /// <summary>Lower-cases, splits on anything but letters and digits, drops stop words, and folds plurals.</summary>
    public static IEnumerable<string> Tokenize(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '\u2019')
            {
                // "don't" is one word
            }
            else if (word.Length > 0)
            {
                if (Stem(word.ToString()) is { } term)
                {
                    yield return term;
                }

                word.Clear();
            }
        }

        if (word.Length > 0 && Stem(word.ToString()) is { } last)
        {
            yield return last;
        }
    }

    internal static string? Stem(string word)
    {
        if (StopWords.Contains(word))
        {
            return null;
        }

        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.Length > 4 && (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal)
            || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)))
        {
            return word[..^2];
        }

        if (word.Length > 3 && word[^1] == 's' && !word.EndsWith("ss", StringComparison.Ordinal)
            && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }

    private static void Add(Dictionary<string, Dictionary<int, int>> postings, int doc, string text, int weight)
    {
        foreach (var term in Tokenize(text))
        {
            if (!postings.TryGetValue(term, out var docs))
            {
                postings[term] = docs = [];
            }

            docs[doc] = Math.Max(docs.GetValueOrDefault(doc), weight);
        }
    }

    /// <summary>Best weight per document for one query word, into <paramref name="best"/>: exact, then prefix, then one typo away.</summary>
    private void Match(string word, double[] best)
    {
        void Take(string term, double factor)
        {
            foreach (var (doc, weight) in _postings[term])
            {
                best[doc] = Math.Max(best[doc], weight * factor);
            }
        }

        if (_postings.ContainsKey(word))
        {
            Take(word, 1.0);
        }

        if (word.Length >= 3)
        {
            // Words typed so far ("thora") match the terms they begin.
            var i = Array.BinarySearch(_sortedTerms, word, StringComparer.Ordinal);
            for (i = i < 0 ? ~i : i + 1; i < _sortedTerms.Length && _sortedTerms[i].StartsWith(word, StringComparison.Ordinal); i++)
            {
                Take(_sortedTerms[i], 0.7);
            }
        }

        // Short words ("nek") get one typo too, but only when nothing starts with them: "arm" stays "arm".
        if (word.Length >= 4 || (word.Length == 3 && !best.Any(b => b > 0)))
        {
            for (var length = word.Length - 1; length <= word.Length + 1; length++)
            {
                foreach (var term in _termsByLength.GetValueOrDefault(length, []))
                {
                    if (term != word && term.Length >= 3 && IsOneEditApart(word, term))
                    {
                        Take(term, 0.6);
                    }
                }
            }
        }
    }

    /// <summary>True when one insertion, deletion, substitution or swap of neighbours turns a into b.</summary>
    internal static bool IsOneEditApart(string a, string b)
    {
        if (a.Length > b.Length)
        {
            (a, b) = (b, a);
        }

        var i = 0;
        while (i < a.Length && a[i] == b[i])
        {
            i++;
        }

        if (i == a.Length)
        {
            return b.Length - a.Length <= 1;
        }

        if (a.Length == b.Length)
        {
            return a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))
                || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2)));
        }

        return a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }
}

/// <summary>
/// What a search found. <see cref="Partial"/>: no stretch matched every word; these match some of them.
/// <see cref="Complaints"/>: by slug, the complaint line (in the stretch's own words) a result matched.
/// </summary>
public sealed record SearchResults(IReadOnlyList<Stretch> Stretches, bool Partial, IReadOnlyDictionary<string, string>? Complaints = null)
{
    public static readonly SearchResults None = new([], false);

    /// <summary>The complaint line a stretch matched, or null.</summary>
    public string? ComplaintFor(Stretch stretch) => Complaints?.GetValueOrDefault(stretch.Slug);
}
