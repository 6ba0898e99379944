using Vigie.Text;

namespace Vigie.Text.Tests;

/// <summary>The text layer loaded once from the repository's data folder.</summary>
internal static class TestData
{
    private static readonly Lazy<TextLayer> LazyLayer = new(() => TextLayer.Load(DataPaths.Root));

    public static TextLayer Layer => LazyLayer.Value;

    public static string LangRoot => Path.Combine(DataPaths.Root, "lang");
}
