using Vigie.Core;
using Vigie.Extraction.Patterns;
using Vigie.Text;

namespace Vigie.Extraction.Engine;

/// <summary>An event being built: arguments as mentions, before it becomes a <see cref="Event"/>.</summary>
internal sealed class Draft
{
    public required RuleMatch Match { get; init; }
    public required SentenceView View { get; init; }
    public required string Type { get; set; }
    public MentionRef? Actor1 { get; set; }
    public MentionRef? Actor2 { get; set; }
    public MentionRef? Claimant { get; set; }
    public Source? AttributedTo { get; set; }
    public List<MentionRef> Places { get; set; } = [];
    public Location? FallbackPlace { get; set; }
    public MentionRef? Date { get; set; }
    public List<(MentionRef Number, string Kind)> Quantities { get; set; } = [];
    public Modality Modality { get; set; }
    public double Confidence { get; set; }
    public bool Dropped { get; set; }
    public int Trigger => Match.Trigger;

    /// <summary>Triggered by the name of its own perpetrator ("Gunmen kidnapped…"): no act of its own in the sentence.</summary>
    public bool PerpetratorOnly { get; set; }

    /// <summary>Triggered by a noun only ("the attackers", "the attack"), not by a verb that tells the act.</summary>
    public bool NounOnly { get; set; }
}
