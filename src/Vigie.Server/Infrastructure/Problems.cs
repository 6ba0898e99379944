using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Vigie.Server.Infrastructure;

/// <summary>Problem+json results for the API's expected failures.</summary>
/// <remarks>Every problem carries, beside its English <c>detail</c>, a stable <c>code</c> and the <c>args</c> its sentence
/// names (the parameter, the value given, the bounds), so that a client says it in its own language: the web UI has a
/// sentence per code in English and French (<c>wwwroot/i18n.js</c>, <c>serverErrors</c>).</remarks>
internal static class Problems
{
    /// <summary>A problem with its code and arguments.</summary>
    public static ProblemHttpResult Of(int status, string title, string detail, string code, params (string Name, string? Value)[] args) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["code"] = code,
            ["args"] = args.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal),
        });

    /// <summary>400 with the one sentence that says what is wrong.</summary>
    public static ProblemHttpResult BadRequest(string detail, string code, params (string Name, string? Value)[] args) =>
        Of(StatusCodes.Status400BadRequest, "The request is not valid.", detail, code, args);

    /// <summary>400 for a number parameter outside its bounds.</summary>
    public static ProblemHttpResult OutOfRange(string param, int min, int max) =>
        BadRequest($"'{param}' must be between {min} and {max}.", "out_of_range",
            ("param", param), ("min", min.ToString(CultureInfo.InvariantCulture)), ("max", max.ToString(CultureInfo.InvariantCulture)));

    /// <summary>400 for a value that is not one of the accepted ones.</summary>
    public static ProblemHttpResult InvalidChoice(string param, string? value, params string[] choices) =>
        BadRequest(choices.Length == 2 ? $"'{param}' must be {choices[0]} or {choices[1]}, not '{value}'." : $"'{param}' must be one of: {string.Join(", ", choices)}; not '{value}'.",
            "invalid_choice", ("param", param), ("value", value), ("choices", string.Join(", ", choices)));

    /// <summary>404 for a missing resource: <paramref name="kind"/> is <c>event</c>, <c>fused</c> or <c>document</c>.</summary>
    public static ProblemHttpResult NotFound(string kind, string id) =>
        Of(StatusCodes.Status404NotFound, "Not found.", $"No {(kind == "fused" ? "fused event" : kind)} with id '{id}'.", "not_found", ("kind", kind), ("id", id));

    /// <summary>Parses an optional <c>YYYY-MM-DD</c> query value; the error names the parameter.</summary>
    public static bool TryParseDay(string? value, string name, out DateOnly? day, out ProblemHttpResult? problem)
    {
        day = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            day = d;
            return true;
        }
        problem = BadRequest($"'{name}' must be a date YYYY-MM-DD.", "invalid_date", ("param", name), ("value", value.Trim()));
        return false;
    }
}
