using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Vigie.Server.Infrastructure;

/// <summary>Problem+json results for the API's expected failures.</summary>
internal static class Problems
{
    /// <summary>400 with the one sentence that says what is wrong.</summary>
    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.");

    /// <summary>404 for a missing resource.</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

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
        problem = BadRequest($"'{name}' must be a date YYYY-MM-DD.");
        return false;
    }
}
