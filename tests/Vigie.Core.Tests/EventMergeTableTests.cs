using Vigie.Core;

namespace Vigie.Core.Tests;

public sealed class EventMergeTableTests
{
    private static EventMergeTable Parse(string tsv) => EventMergeTable.Parse(new StringReader(tsv), "merge.tsv", EventTypeCatalog.Default);

    [Fact]
    public void The_absorbing_type_wins_in_either_order_and_absorption_is_transitive()
    {
        var t = Parse("type\tabsorbs\nexplosive_device\tattack\nattack\tcasualties\n");
        Assert.Equal("explosive_device", t.Combine("attack", "explosive_device"));
        Assert.Equal("explosive_device", t.Combine("explosive_device", "attack"));
        Assert.Equal("explosive_device", t.Combine("casualties", "explosive_device"));
        Assert.True(t.AbsorbsDirectly("explosive_device", "attack"));
        Assert.False(t.AbsorbsDirectly("explosive_device", "casualties"));
        Assert.Equal("protest", t.Combine("protest", "protest"));
        Assert.Null(t.Combine("protest", "attack"));
        Assert.Equal(t.Family("casualties"), t.Family("explosive_device"));
        Assert.NotEqual(t.Family("protest"), t.Family("attack"));
    }

    [Fact]
    public void A_type_written_with_an_equals_sign_is_absorbed_by_its_row_only()
    {
        var t = Parse("type\tabsorbs\narmed_clash\tattack\nattack\tcasualties,=arrest\n");
        Assert.Equal("attack", t.Combine("arrest", "attack"));
        Assert.True(t.AbsorbsDirectly("attack", "arrest"));
        Assert.Equal("armed_clash", t.Combine("casualties", "armed_clash"));
        Assert.Null(t.Combine("arrest", "armed_clash"));
    }

    [Theory]
    [InlineData("type\tabsorbs\nattak\tcasualties\n", "merge.tsv:2: unknown event type 'attak'.")]
    [InlineData("type\tabsorbs\nattack\tcasualties,nothing\n", "merge.tsv:2: unknown event type 'nothing'.")]
    [InlineData("type\tabsorbs\nattack\n", "merge.tsv:2: expected 2 tab-separated columns, found 1.")]
    [InlineData("type\tabsorbs\nattack\tgrenade\ngrenade\tattack\n", "merge.tsv: 'attack' absorbs itself through other types.")]
    public void Mistakes_in_the_file_name_the_line(string tsv, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => Parse(tsv)).Message);

    [Fact]
    public void The_shipped_table_loads_and_names_the_instrument_of_an_attack() =>
        Assert.Equal("grenade", EventMergeTable.Default.Combine("attack", "grenade"));
}
