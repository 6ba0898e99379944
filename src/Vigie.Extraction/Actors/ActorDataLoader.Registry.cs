using YamlDotNet.RepresentationModel;

namespace Vigie.Extraction.Actors;

// The registry of data/actors/: roles, states, named actors and generic actors.
internal sealed partial class ActorDataLoader
{
    private static readonly string[] Kinds = ["group", "igo", "ngo", "party", "person"];

    private HashSet<string> LoadRoles(string file)
    {
        var roles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, cells) in ReadTsv(file))
        {
            var code = cells[0].Trim();
            if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper)) Error(file, line, $"role code '{code}' is not three capital letters");
            else if (!roles.Add(code)) Error(file, line, $"duplicate role '{code}'");
        }
        return roles;
    }

    private HashSet<string> LoadStates(string file, Dictionary<string, ActorDefinition> actors)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, cells) in ReadTsv(file))
        {
            var code = cells[0].Trim();
            if (cells.Length != 2 || cells[1].Trim().Length == 0) { Error(file, line, "expected two columns: ISO alpha-3 code, name"); continue; }
            if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper)) { Error(file, line, $"'{code}' is not an ISO 3166 alpha-3 code"); continue; }
            if (!codes.Add(code)) { Error(file, line, $"duplicate state '{code}'"); continue; }
            var id = code.ToLowerInvariant();
            actors[id] = new ActorDefinition(id, cells[1].Trim(), ActorKind.State, code, [new ActorRole("GOV", null, null, null)]);
        }
        return codes;
    }

    private void LoadActors(string file, Dictionary<string, ActorDefinition> actors, HashSet<string> roles, HashSet<string> states)
    {
        var seq = ReadYamlSequence(file);
        if (seq is null) return;
        foreach (var node in seq.Children)
        {
            var line = node.Start.Line;
            if (node is not YamlMappingNode map) { Error(file, line, "expected a mapping with id, name, kind, country, roles"); continue; }
            CheckKeys(file, map, "id", "name", "kind", "country", "roles");
            var id = Scalar(map, "id");
            var name = Scalar(map, "name");
            var kindText = Scalar(map, "kind");
            var country = Scalar(map, "country");
            if (!IsId(id)) { Error(file, line, $"id '{id}' must be lower-case letters, digits and single hyphens"); continue; }
            if (actors.ContainsKey(id!)) { Error(file, line, $"duplicate actor id '{id}'"); continue; }
            if (name is null) Error(file, line, $"actor '{id}' has no name");
            if (kindText is null || !Kinds.Contains(kindText)) Error(file, line, $"actor '{id}': kind '{kindText}' is not one of {string.Join(", ", Kinds)}");
            if (country is not null && !states.Contains(country)) Error(file, line, $"actor '{id}': country '{country}' is not an ISO alpha-3 code of data/actors/states.tsv");
            var spans = new List<ActorRole>();
            if (Child(map, "roles") is not YamlSequenceNode roleNodes || roleNodes.Children.Count == 0)
                Error(file, line, $"actor '{id}' has no roles");
            else
            {
                foreach (var rn in roleNodes.Children)
                {
                    if (rn is not YamlMappingNode rm) { Error(file, rn.Start.Line, "expected a role mapping {role, from, until, country}"); continue; }
                    CheckKeys(file, rm, "role", "from", "until", "country");
                    var role = Scalar(rm, "role");
                    var roleCountry = Scalar(rm, "country");
                    if (role is null || !roles.Contains(role)) Error(file, rm.Start.Line, $"actor '{id}': role '{role}' is not in data/actors/roles.tsv");
                    if (roleCountry is not null && !states.Contains(roleCountry)) Error(file, rm.Start.Line, $"actor '{id}': country '{roleCountry}' is not an ISO alpha-3 code of data/actors/states.tsv");
                    var from = Date(file, rm, "from");
                    var until = Date(file, rm, "until");
                    if (from is not null && until is not null && from > until) Error(file, rm.Start.Line, $"actor '{id}': role '{role}' ends before it starts");
                    var span = new ActorRole(role ?? "", roleCountry, from, until);
                    foreach (var other in spans)
                        if ((span.From ?? DateOnly.MinValue) <= (other.Until ?? DateOnly.MaxValue) && (other.From ?? DateOnly.MinValue) <= (span.Until ?? DateOnly.MaxValue))
                            Error(file, rm.Start.Line, $"actor '{id}': role spans overlap ({other.Role} and {span.Role})");
                    spans.Add(span);
                }
            }
            var kind = kindText switch
            {
                "igo" => ActorKind.Igo,
                "ngo" => ActorKind.Ngo,
                "party" => ActorKind.Party,
                "person" => ActorKind.Person,
                _ => ActorKind.Group,
            };
            actors[id!] = new ActorDefinition(id!, name ?? id!, kind, country, spans);
        }
    }

    private Dictionary<string, GenericActor> LoadGenerics(string file, HashSet<string> roles, Dictionary<string, ActorDefinition> actors)
    {
        var generics = new Dictionary<string, GenericActor>(StringComparer.Ordinal);
        var seq = ReadYamlSequence(file);
        if (seq is null) return generics;
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var node in seq.Children)
        {
            var line = node.Start.Line;
            if (node is not YamlMappingNode map) { Error(file, line, "expected a mapping with id, name, role"); continue; }
            CheckKeys(file, map, "id", "name", "role", "qualified", "corefer", "group");
            var id = Scalar(map, "id");
            var role = Scalar(map, "role");
            if (!IsId(id)) { Error(file, line, $"id '{id}' must be lower-case letters, digits and single hyphens"); continue; }
            if (generics.ContainsKey(id!) || actors.ContainsKey(id!)) { Error(file, line, $"duplicate id '{id}'"); continue; }
            if (role is null || !roles.Contains(role)) Error(file, line, $"generic '{id}': role '{role}' is not in data/actors/roles.tsv");
            var corefer = new List<string>();
            if (Child(map, "corefer") is YamlSequenceNode cs)
                foreach (var c in cs.Children.OfType<YamlScalarNode>())
                {
                    if (c.Value is null || !roles.Contains(c.Value)) Error(file, c.Start.Line, $"generic '{id}': corefer role '{c.Value}' is not in data/actors/roles.tsv");
                    else corefer.Add(c.Value);
                }
            var group = Scalar(map, "group");
            if (group is not null and not ("true" or "false")) Error(file, line, $"generic '{id}': group must be true or false");
            generics[id!] = new GenericActor(id!, Scalar(map, "name") ?? id!, role ?? "", Scalar(map, "qualified"), corefer, group == "true");
            lines[id!] = line;
        }
        foreach (var g in generics.Values)
            if (g.Qualified is not null && !generics.ContainsKey(g.Qualified))
                Error(file, lines[g.Id], $"generic '{g.Id}': qualified '{g.Qualified}' is not a generic id");
        return generics;
    }
}
