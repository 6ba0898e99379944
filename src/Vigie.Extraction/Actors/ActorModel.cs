using Vigie.Core;

namespace Vigie.Extraction.Actors;

/// <summary>A role an actor holds between two dates (inclusive; open ends unbounded), as PETRARCH's dictionaries date them.</summary>
public sealed record ActorRole(string Role, string? Country, DateOnly? From, DateOnly? Until)
{
    /// <summary>Whether the span covers the date.</summary>
    public bool Covers(DateOnly date) => (From is null || From <= date) && (Until is null || date <= Until);

    /// <summary>Days between the date and the span (0 when it covers it).</summary>
    public int DistanceTo(DateOnly date) =>
        From is { } f && date < f ? f.DayNumber - date.DayNumber
        : Until is { } u && date > u ? date.DayNumber - u.DayNumber
        : 0;
}

/// <summary>What sort of actor a registry entry is.</summary>
public enum ActorKind
{
    /// <summary>A state (data/actors/states.tsv).</summary>
    State,
    /// <summary>A named armed group, militia, movement or state body.</summary>
    Group,
    /// <summary>An intergovernmental organisation.</summary>
    Igo,
    /// <summary>A non-governmental organisation.</summary>
    Ngo,
    /// <summary>A political party.</summary>
    Party,
    /// <summary>A person, with the country and role of their office.</summary>
    Person,
}

/// <summary>An actor of the registry with its roles over time.</summary>
public sealed record ActorDefinition(string Id, string Name, ActorKind Kind, string? Country, IReadOnlyList<ActorRole> Roles)
{
    /// <summary>The role span that applies on a date: the covering one, else the nearest; the latest when the date is unknown.</summary>
    public ActorRole? RoleOn(DateOnly? date)
    {
        if (Roles.Count == 0) return null;
        if (date is not { } d)
        {
            var latest = Roles[0];
            foreach (var r in Roles)
                if ((r.From ?? DateOnly.MinValue) >= (latest.From ?? DateOnly.MinValue)) latest = r;
            return latest;
        }
        ActorRole? best = null;
        var bestDistance = int.MaxValue;
        foreach (var r in Roles)
        {
            var distance = r.DistanceTo(d);
            if (distance < bestDistance) { best = r; bestDistance = distance; }
        }
        return best;
    }

    /// <summary>The actor as events carry it on a date: the country and role of that date.</summary>
    public Actor ToActor(DateOnly? date)
    {
        var role = RoleOn(date);
        return new Actor(Id, Name, role?.Country ?? Country, role?.Role);
    }

    /// <summary>Whether the actor ever held one of the roles.</summary>
    public bool EverHeld(IReadOnlyCollection<string> roles)
    {
        foreach (var r in Roles) if (roles.Contains(r.Role)) return true;
        return false;
    }
}

/// <summary>A generic actor such as "insurgents" or "government", which a state may qualify ("Afghan forces").</summary>
public sealed record GenericActor(string Id, string Name, string Role, string? Qualified, IReadOnlyList<string> Corefer, bool Group);

/// <summary>What the actor recogniser found: the mentions it accepts, and the capitals and states it read as places.</summary>
/// <param name="Mentions">Actor mentions in text order (CONTRACT §3 <c>actor</c> kind).</param>
/// <param name="MetonymyCandidates">Capital and state names the metonymy rule left as places ("à Kaboul"), with the
/// government they would stand for; the pattern engine may still promote one when a pattern puts it in actor position.</param>
public sealed record ActorRecognition(IReadOnlyList<ActorMention> Mentions, IReadOnlyList<ActorMention> MetonymyCandidates);

/// <summary>Language data for actors that failed validation; each error reads <c>file:line: problem</c>.</summary>
public sealed class ActorDataException : Exception
{
    /// <summary>Creates the exception from its errors.</summary>
    public ActorDataException(IReadOnlyList<string> errors)
        : base("Actor data is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors)) => Errors = errors;

    /// <summary>Creates the exception with a message.</summary>
    public ActorDataException() : this([]) { }

    /// <summary>Creates the exception with a message.</summary>
    public ActorDataException(string message) : base(message) => Errors = [message];

    /// <summary>Creates the exception with a message and cause.</summary>
    public ActorDataException(string message, Exception innerException) : base(message, innerException) => Errors = [message];

    /// <summary>Every problem found, as <c>file:line: problem</c>.</summary>
    public IReadOnlyList<string> Errors { get; }
}
