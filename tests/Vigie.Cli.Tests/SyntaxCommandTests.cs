using System.Text.RegularExpressions;

namespace Vigie.Cli.Tests;

public sealed partial class SyntaxCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigie-syntax-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = await VigieApp.RunAsync(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    // Two sentences written for this test, with their trees as UD French would annotate them.
    private const string Treebank = """
        # text = Les rebelles ont pris la ville.
        1	Les	le	DET	_	_	2	det	_	_
        2	rebelles	rebelle	NOUN	_	_	4	nsubj	_	_
        3	ont	avoir	AUX	_	_	4	aux:tense	_	_
        4	pris	prendre	VERB	_	_	0	root	_	_
        5	la	le	DET	_	_	6	det	_	_
        6	ville	ville	NOUN	_	_	4	obj	_	SpaceAfter=No
        7	.	.	PUNCT	_	_	4	punct	_	_

        # text = L'armée est entrée au village.
        1	L'	le	DET	_	_	2	det	_	SpaceAfter=No
        2	armée	armée	NOUN	_	_	4	nsubj	_	_
        3	est	être	AUX	_	_	4	aux:tense	_	_
        4	entrée	entrer	VERB	_	_	0	root	_	_
        5-6	au	_	_	_	_	_	_	_	_
        5	à	à	ADP	_	_	7	case	_	_
        6	le	le	DET	_	_	7	det	_	_
        7	village	village	NOUN	_	_	4	obl:arg	_	SpaceAfter=No
        8	.	.	PUNCT	_	_	4	punct	_	_

        """;

    [GeneratedRegex(@"^conllu (words=[01]\.\d{4} )?upos=[01]\.\d{4} uas=[01]\.\d{4} las=[01]\.\d{4} sentences=2 tokens=15$")]
    private static partial Regex LastLine();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Eval_conllu_prints_the_scores_last_in_the_contract_format(bool raw)
    {
        var file = Path.Combine(_dir, "small.conllu");
        File.WriteAllText(file, Treebank);
        var (code, output, err) = await Run(raw ? ["eval", "--conllu", file, "--language", "fr", "--raw"] : ["eval", "--conllu", file, "--language", "fr"]);
        Assert.True(code == 0, err);
        var last = output.TrimEnd().Split('\n')[^1];
        Assert.Matches(LastLine(), last);
        Assert.Equal(raw, last.Contains("words=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Eval_conllu_of_a_broken_file_says_where_in_one_line()
    {
        var file = Path.Combine(_dir, "broken.conllu");
        File.WriteAllText(file, "# text = x\n1\tx\n");
        var (code, _, err) = await Run("eval", "--conllu", file, "--language", "fr");
        Assert.NotEqual(0, code);
        Assert.Contains("broken.conllu:2:", err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public async Task Parse_prints_conllu_with_the_text_and_offsets_into_the_document()
    {
        var file = Path.Combine(_dir, "doc.txt");
        const string body = "Les talibans sont entrés au palais. Ils ont pris la ville.";
        File.WriteAllText(file, "date 2021-08-15 " + body);
        var (code, output, err) = await Run("parse", file);
        Assert.True(code == 0, err);
        Assert.Contains("# text = Les talibans sont entrés au palais.", output, StringComparison.Ordinal);
        Assert.Contains("# text = Ils ont pris la ville.", output, StringComparison.Ordinal);
        var lines = output.Split('\n');
        // "au" is a multiword token: a range line, then its two words.
        var range = Array.FindIndex(lines, l => l.Contains("\tau\t", StringComparison.Ordinal));
        Assert.True(range >= 0, output);
        Assert.Matches(@"^\d+-\d+\tau\t", lines[range]);
        Assert.StartsWith("à", lines[range + 1].Split('\t')[1], StringComparison.Ordinal);
        Assert.Equal("le", lines[range + 2].Split('\t')[1]);
        // Every TokenRange points at its token in the document text (the text after the date header).
        foreach (var line in lines.Where(l => l.Contains("TokenRange=", StringComparison.Ordinal)))
        {
            var cols = line.Split('\t');
            var m = Regex.Match(cols[9], @"TokenRange=(\d+):(\d+)");
            var (start, end) = (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(end > start, line);
            Assert.Equal(cols[1], body[start..end]);
        }
    }
}
