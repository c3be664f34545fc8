namespace Mamori.Core.Features.Minutes;

/// <summary>A search condition: a word, all of several (with exclusions), or any of several.</summary>
public abstract record QueryNode;

/// <summary>A word or a "quoted phrase" (<see cref="Exact"/>: never widened by synonyms).</summary>
public sealed record WordNode(string Text, bool Exact) : QueryNode;

/// <summary>Every one of <see cref="Include"/> and none of <see cref="Exclude"/>.</summary>
public sealed record AllNode(IReadOnlyList<QueryNode> Include, IReadOnlyList<QueryNode> Exclude) : QueryNode;

/// <summary>At least one of <see cref="Options"/>.</summary>
public sealed record AnyNode(IReadOnlyList<QueryNode> Options) : QueryNode;

/// <summary>
/// The search box's language: words separated by spaces must all occur (AND), <c>OR</c> between them lets
/// either do, parentheses group, <c>-word</c> excludes, <c>"…"</c> is one phrase with its spaces. Full-width
/// forms (ＯＲ, （）, －, ＂) mean the same. What a query means is defined by <see cref="Matches"/> on the
/// normalized text; the index must find exactly those turns.
/// </summary>
public static class MinutesQueryText
{
    private abstract record Token;
    private sealed record WordToken(string Text, bool Exact, bool Negated) : Token;
    private sealed record Symbol(char Value, bool Negated = false) : Token;

    /// <summary>The condition, or null when the text holds no word.</summary>
    public static QueryNode? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var tokens = Tokens(text.Replace('“', '"').Replace('”', '"').Replace('＂', '"').Replace('－', '-').Replace('（', '(').Replace('）', ')').Replace("ＯＲ", "OR", StringComparison.Ordinal));
        var position = 0;
        var parts = new List<QueryNode>();
        while (position < tokens.Count)
        {
            parts.Add(Or(tokens, ref position));
            if (position < tokens.Count)
            {
                position++; // a closing parenthesis without its opening one means nothing
            }
        }
        return Simplify(new AllNode(parts, []));
    }

    /// <summary>Each plain word widened to any of its synonyms; quoted phrases stay exact.</summary>
    public static QueryNode Expand(QueryNode node, Func<string, IReadOnlyList<string>> synonyms) => node switch
    {
        WordNode { Exact: false } w when synonyms(w.Text) is { Count: > 0 } more => new AnyNode([w, .. more.Select(s => new WordNode(s, true))]),
        AllNode all => new AllNode([.. all.Include.Select(n => Expand(n, synonyms))], [.. all.Exclude.Select(n => Expand(n, synonyms))]),
        AnyNode any => new AnyNode([.. any.Options.Select(n => Expand(n, synonyms))]),
        _ => node,
    };

    /// <summary>Whether a turn's text (normalized by <see cref="MinutesNormalizer"/>) meets the condition: what the query means.</summary>
    public static bool Matches(QueryNode node, string normalizedText) => node switch
    {
        WordNode w => normalizedText.Contains(MinutesNormalizer.Normalize(w.Text), StringComparison.Ordinal),
        AllNode all => all.Include.All(n => Matches(n, normalizedText)) && !all.Exclude.Any(n => Matches(n, normalizedText)),
        AnyNode any => any.Options.Any(n => Matches(n, normalizedText)),
        _ => false,
    };

    /// <summary>The words that can make a turn match (not the excluded ones): what a snippet marks.</summary>
    public static IEnumerable<string> Positive(QueryNode? node) => node switch
    {
        WordNode w => [w.Text],
        AllNode all => all.Include.SelectMany(Positive),
        AnyNode any => any.Options.SelectMany(Positive),
        _ => [],
    };

    /// <summary>Whether the condition excludes only (「-委託」): every turn but those matches.</summary>
    public static bool OnlyExcludes(QueryNode node) => node is AllNode { Include.Count: 0 };

    private static List<Token> Tokens(string s)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < s.Length)
        {
            if (char.IsWhiteSpace(s[i]))
            {
                i++;
                continue;
            }
            var negate = false;
            if (s[i] == '-' && i + 1 < s.Length && !char.IsWhiteSpace(s[i + 1]))
            {
                negate = true;
                i++;
            }
            if (s[i] is '(' or ')')
            {
                tokens.Add(new Symbol(s[i], negate));
                i++;
                continue;
            }
            if (s[i] == '"')
            {
                var close = s.IndexOf('"', i + 1);
                var phrase = close < 0 ? s[(i + 1)..] : s[(i + 1)..close];
                i = close < 0 ? s.Length : close + 1;
                if (MinutesNormalizer.Normalize(phrase).Length > 0)
                {
                    tokens.Add(new WordToken(phrase, true, negate));
                }
                continue;
            }
            var end = i;
            while (end < s.Length && !char.IsWhiteSpace(s[end]) && s[end] is not ('(' or ')' or '"'))
            {
                end++;
            }
            var word = s[i..end];
            i = end;
            if (word == "OR" && !negate)
            {
                tokens.Add(new Symbol('|'));
            }
            else if (MinutesNormalizer.Normalize(word).Length > 0)
            {
                tokens.Add(new WordToken(word, false, negate));
            }
        }
        return tokens;
    }

    private static AnyNode Or(List<Token> tokens, ref int position)
    {
        var options = new List<QueryNode> { And(tokens, ref position) };
        while (position < tokens.Count && tokens[position] is Symbol { Value: '|' })
        {
            position++;
            options.Add(And(tokens, ref position));
        }
        return new AnyNode(options);
    }

    private static AllNode And(List<Token> tokens, ref int position)
    {
        var include = new List<QueryNode>();
        var exclude = new List<QueryNode>();
        while (position < tokens.Count)
        {
            switch (tokens[position])
            {
                case Symbol { Value: '|' or ')' }:
                    return new AllNode(include, exclude);
                case Symbol { Value: '(' } open:
                    position++;
                    var group = Or(tokens, ref position);
                    if (position < tokens.Count && tokens[position] is Symbol { Value: ')' })
                    {
                        position++;
                    }
                    (open.Negated ? exclude : include).Add(group);
                    break;
                case WordToken w:
                    position++;
                    (w.Negated ? exclude : include).Add(new WordNode(w.Text, w.Exact));
                    break;
            }
        }
        return new AllNode(include, exclude);
    }

    /// <summary>Groups of one dissolved and empty groups dropped, so that equal meanings look equal.</summary>
    private static QueryNode? Simplify(QueryNode node)
    {
        switch (node)
        {
            case AnyNode any:
                var options = any.Options.Select(Simplify).OfType<QueryNode>().ToList();
                return options.Count switch { 0 => null, 1 => options[0], _ => new AnyNode(options) };
            case AllNode all:
                var include = all.Include.Select(Simplify).OfType<QueryNode>().ToList();
                var exclude = all.Exclude.Select(Simplify).OfType<QueryNode>().ToList();
                if (include.Count == 1 && exclude.Count == 0)
                {
                    return include[0];
                }
                return include.Count + exclude.Count == 0 ? null : new AllNode(include, exclude);
            default:
                return node;
        }
    }
}
