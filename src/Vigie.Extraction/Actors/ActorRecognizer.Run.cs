using Vigie.Core;

namespace Vigie.Extraction.Actors;

// One pass over a text: the alias matches kept, the mentions emitted, and the actors coreference can refer back to.
public sealed partial class ActorRecognizer
{
    /// <summary>A match the recogniser kept: token range and readings.</summary>
    private sealed record Span(int Start, int End, IReadOnlyList<AliasEntry> Entries)
    {
        /// <summary>The best (lowest) priority of the readings, which orders overlapping matches of one length.</summary>
        public int Priority { get; } = MinPriority(Entries);

        private static int MinPriority(IReadOnlyList<AliasEntry> entries)
        {
            var min = int.MaxValue;
            foreach (var e in entries) min = Math.Min(min, e.Priority);
            return min;
        }

        public AliasEntry? Get(AliasKind kind)
        {
            foreach (var e in Entries) if (e.Kind == kind) return e;
            return null;
        }

        public bool Has(AliasKind kind) => Get(kind) is not null;

        public AliasEntry? State
        {
            get
            {
                foreach (var e in Entries) if (e.IsState) return e;
                return null;
            }
        }
    }

    /// <summary>An actor already mentioned, as coreference sees it.</summary>
    private sealed record Salient(Actor Actor, ActorDefinition? Definition, int Sentence, bool Subject, bool Group, bool Armed);

    /// <summary>One recognition: the state of a single pass over a text.</summary>
    private sealed partial class Run(ActorRecognizer owner, ActorLexicon lexicon, string text, DateOnly? date, List<ActorToken> tokens)
    {
        private readonly List<ActorToken> _tokens = tokens;
        private readonly List<Salient> _history = [];

        public List<ActorMention> Mentions { get; } = [];
        public List<ActorMention> Candidates { get; } = [];

        public void Execute()
        {
            var spans = SelectSpans();
            for (var s = 0; s < spans.Count; s++)
            {
                var span = spans[s];
                var next = s + 1 < spans.Count ? spans[s + 1] : null;
                if (Compose(span, s > 0 ? spans[s - 1] : null, next)) s++;
            }
        }

        private List<Span> SelectSpans()
        {
            var candidates = new List<Span>();
            var matches = new List<(int End, List<AliasEntry> Entries)>();
            for (var i = 0; i < _tokens.Count; i++)
            {
                if (!_tokens[i].IsWord) continue;
                lexicon.Trie.MatchesAt(_tokens, i, matches);
                foreach (var (end, entries) in matches)
                {
                    List<AliasEntry>? kept = null;
                    foreach (var e in entries)
                    {
                        if (!Accepts(e, i, end)) continue;
                        (kept ??= []).Add(e);
                    }
                    if (kept is not null) candidates.Add(new Span(i, end, kept));
                }
            }
            candidates.Sort((a, b) =>
            {
                var c = (b.End - b.Start).CompareTo(a.End - a.Start);
                if (c != 0) return c;
                c = a.Priority.CompareTo(b.Priority);
                return c != 0 ? c : a.Start.CompareTo(b.Start);
            });
            var taken = new bool[_tokens.Count];
            var chosen = new List<Span>();
            foreach (var c in candidates)
            {
                var free = true;
                for (var k = c.Start; k < c.End && free; k++) free = !taken[k];
                if (!free) continue;
                for (var k = c.Start; k < c.End; k++) taken[k] = true;
                chosen.Add(c);
            }
            chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
            return chosen;
        }

        private bool Accepts(AliasEntry e, int start, int end)
        {
            if (e.CaseSensitive)
                for (var k = start; k < end; k++)
                    if (!_tokens[k].IsUpper && !char.IsDigit(text[_tokens[k].Start])) return false;
            return e.Kind is not (AliasKind.StateName or AliasKind.Capital) || _tokens[start].IsCapitalized;
        }

        // A group phrase ("the insurgents") refers back to a group or state, never to a person.
        private static bool FitsRoles(Salient s, IReadOnlyList<string> roles) =>
            s.Definition is { Kind: not ActorKind.Person } && (roles.Contains(s.Actor.Role ?? "") || s.Definition.EverHeld(roles));

        /// <summary>The most salient earlier actor that fits: the nearest in the same sentence, else per earlier
        /// sentence the subject, else that sentence's last fitting actor.</summary>
        private Salient? Resolve(int tokenIndex, Func<Salient, bool> fits)
        {
            var sentence = _tokens[tokenIndex].Sentence;
            for (var h = _history.Count - 1; h >= 0; h--)
                if (_history[h].Sentence == sentence && fits(_history[h])) return _history[h];
            for (var d = 1; d <= lexicon.CoreferenceWindow; d++)
            {
                Salient? last = null;
                foreach (var s in _history)
                {
                    if (s.Sentence != sentence - d || !fits(s)) continue;
                    if (s.Subject) return s;
                    last = s;
                }
                if (last is not null) return last;
            }
            return null;
        }

        private void Emit(int startToken, int endToken, string rule, Actor actor, ActorDefinition? definition, bool group, bool armed)
        {
            var start = _tokens[startToken].Start;
            var end = _tokens[endToken - 1].End;
            Mentions.Add(new ActorMention(start, end, text[start..end], rule, actor));
            var sentence = _tokens[startToken].Sentence;
            var first = true;
            foreach (var s in _history) if (s.Sentence == sentence) { first = false; break; }
            var before = PreviousWordSkippingArticles(startToken);
            var subject = first && (before < 0 || !lexicon.NonSubjectBefore.Contains(_tokens[before].Folded));
            _history.Add(new Salient(actor, definition, sentence, subject, group, armed));
        }

        private void Candidate(Span span, Actor actor)
        {
            var start = _tokens[span.Start].Start;
            var end = _tokens[span.End - 1].End;
            Candidates.Add(new ActorMention(start, end, text[start..end], CandidateRule, actor));
        }
    }
}
