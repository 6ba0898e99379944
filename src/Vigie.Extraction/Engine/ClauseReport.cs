using Vigie.Core;
using Vigie.Extraction.Patterns;

namespace Vigie.Extraction.Engine;

/// <summary>Gives a draft event the modality, claimant and source (<c>attributed_to</c>) that the tree reads above its
/// clause (CONTRACT §2): a party reporting its own act claims it; a neutral source leaves it asserted.</summary>
internal static class ClauseReport
{
    private const int MaxSourceTokens = 10;

    /// <summary>The draft's modality; <paramref name="window"/> is what the words around the trigger said, kept for a
    /// question and where the trigger has no word in the tree.</summary>
    public static Modality Apply(ClauseTree tree, SentenceView view, string text, TreeArguments args, int predicate, LanguageData lang,
        Draft d, Modality window, MentionRef? boundClaimant, out bool drop)
    {
        drop = false;
        if (predicate < 0) return window;
        var cues = lang.Clauses;
        var m = d.Match;
        var headToken = args.ClauseHead >= 0 ? tree.TokenOf(args.ClauseHead) : -1;
        // The verb tells the event when the rule matched it too, or when the trigger is the name of who acts ("Gunmen").
        var verbTells = (headToken >= m.First && headToken <= m.Last) || d.PerpetratorOnly
            || view.Mentions.Any(r => r.Kind == MentionKind.Actor && r.First <= m.Trigger && m.Trigger <= r.Last);
        var reading = TreeModality.Read(tree, predicate, args.ClauseHead, cues, verbTells);
        // The tree decides who reports: what the words around the trigger guessed goes.
        d.Claimant = boundClaimant;
        d.AttributedTo = null;
        if (reading.Purpose && !EventTypeSemantics.DoneByPurpose(d.Type))
        {
            drop = true;
            return window;
        }
        // A question, and a condition or negation marked right before the trigger in its own clause, stand even where
        // the tagger attached the marker elsewhere ("s'ils" read as a pronoun); the tree decides everything else.
        var modality = window == Modality.Question ? Modality.Question
            : reading.Modality == Modality.Asserted && window is Modality.Conditional or Modality.Negated && reading.Speech == SpeechKind.None ? window
            : reading.Modality;
        // A verb form that can only be future or conditional ("prendraient") is planned even where the tagger read it
        // otherwise; a participle's tense is its auxiliary's, which the tree read.
        var t = view.Tokens[m.Trigger];
        if (modality == Modality.Asserted && lang.Modality.FutureTenseIsPlanned
            && (t.Forms & (Text.VerbForm.Future | Text.VerbForm.Conditional)) != 0
            && (t.Forms & (Text.VerbForm.Present | Text.VerbForm.Imperfect | Text.VerbForm.SimplePast | Text.VerbForm.PastParticiple | Text.VerbForm.Subjunctive)) == 0)
            modality = Modality.Planned;
        MentionRef? who = null;
        if (reading.Speaker >= 0)
        {
            who = ActorUnder(tree, view, reading.Speaker);
            d.AttributedTo = who?.Actor is { } a ? Source.Of(a) : NameOf(tree, view, text, reading.Speaker);
        }
        // "The army said it had recaptured the town": a pronoun subject under a speaker is the speaker.
        if (args.PronounSubject && who is not null && d.Actor1 is null) d.Actor1 = who;
        if (modality != Modality.Asserted) return modality;
        if (reading.Speech == SpeechKind.Claimed || (reading.Speech == SpeechKind.Said && who is not null && IsParty(who, d)))
        {
            d.Claimant = who ?? d.Claimant;
            return Modality.Claimed;
        }
        return Modality.Asserted;
    }

    /// <summary>The speaker is the event's actor, its target, or of the same side (the state forces of one country).</summary>
    public static bool IsParty(MentionRef who, Draft d)
    {
        foreach (var party in (ReadOnlySpan<MentionRef?>)[d.Actor1, d.Actor2])
        {
            if (party is null) continue;
            if (EventBuilder.SameActor(who, party)) return true;
            if (who.Actor is { } w && party.Actor is { } p && w.Country is not null && w.Country == p.Country
                && EventBuilder.IsStateRole(w.Role) && EventBuilder.IsStateRole(p.Role)) return true;
        }
        return false;
    }

    private static MentionRef? ActorUnder(ClauseTree tree, SentenceView view, int word)
    {
        foreach (var m in view.Mentions)
        {
            if (m.Kind != MentionKind.Actor) continue;
            var w = tree.HeadOfSpan(m.First, m.Last);
            if (w == word || (w >= 0 && tree.Under(w, word) >= 0)) return m;
        }
        return null;
    }

    /// <summary>A source that is no actor, named by its words ("local officials", "des témoins"); a pronoun names none.</summary>
    private static Source? NameOf(ClauseTree tree, SentenceView view, string text, int word)
    {
        if (tree.Upos(word) is Text.Syntax.Upos.PRON or Text.Syntax.Upos.DET) return null;
        var (first, last) = tree.Span(word);
        if (first < 0 || last < first || last - first + 1 > MaxSourceTokens) return null;
        var name = text[view.Tokens[first].Start..view.Tokens[last].End].Trim();
        return name.Length == 0 ? null : new Source(name);
    }
}
