using System.Text;
using Vigie.Core;
using Vigie.Text;

namespace Vigie.Ingest.Tests;

public sealed class DocumentReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigie-ingest-").FullName;
    private readonly DocumentReader _reader = new(LanguageIdentifier.Load(DataPaths.Root), new ReaderOptions(MaxDocumentBytes: 4096));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private List<IngestItem> Read(params string[] paths) => [.. _reader.Read(paths)];

    [Fact]
    public void Dated_text_keeps_the_header_date_and_its_precision()
    {
        var day = Read(Write("a.txt", "date 2021-08-13 Kandahar falls to the Taliban. The city was taken overnight.")).Single();
        var month = Read(Write("b.txt", "  date 2021-08 Les talibans ont pris la ville de Kandahar dans la nuit.")).Single();
        var doc = Assert.IsType<AcceptedDocument>(day).Document;
        Assert.Equal(new PartialDate(2021, 8, 13), doc.Date);
        Assert.Equal(DatePrecision.Day, doc.Date!.Value.Precision);
        Assert.StartsWith("Kandahar falls", doc.Text, StringComparison.Ordinal);
        Assert.Equal("en", doc.Language);
        var doc2 = Assert.IsType<AcceptedDocument>(month).Document;
        Assert.Equal(DatePrecision.Month, doc2.Date!.Value.Precision);
        Assert.Equal("fr", doc2.Language);
    }

    [Fact]
    public void Dated_text_keeps_line_numbers_of_the_file()
    {
        var doc = Assert.IsType<AcceptedDocument>(Read(Write("c.txt", "date 2021 Headline and lead.\n\nSecond paragraph.")).Single()).Document;
        Assert.Equal(3, 1 + doc.Text.AsSpan(0, doc.Text.IndexOf("Second", StringComparison.Ordinal)).Count('\n'));
    }

    [Theory]
    [InlineData("no header here, just text about the war", "no date header")]
    [InlineData("date 2021-13-01 A bad month.", "bad date")]
    [InlineData("date 2021-02-30 No such day.", "bad date")]
    [InlineData("date yesterday Something happened.", "bad date")]
    [InlineData("", "empty text")]
    [InlineData("   \n\n  ", "empty text")]
    public void Dated_text_rejections_name_their_reason(string content, string reason)
    {
        var path = Write("bad.txt", content);
        var r = Assert.IsType<Rejection>(Read(path).Single());
        Assert.Contains(reason, r.Reason, StringComparison.Ordinal);
        Assert.StartsWith(path + ":", r.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_rejected_with_its_line()
    {
        var path = Path.Combine(_dir, "latin1.txt");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("date 2021-08-01 Line one\nLa prise de H"), 0xE9, .. Encoding.ASCII.GetBytes("rat.")]);
        var r = Assert.IsType<Rejection>(Read(path).Single());
        Assert.Equal("not UTF-8", r.Reason);
        Assert.Equal(2, r.Line);
    }

    [Fact]
    public void A_document_over_the_size_limit_is_rejected()
    {
        var r = Assert.IsType<Rejection>(Read(Write("big.txt", "date 2021-08-01 " + new string('a', 5000))).Single());
        Assert.Contains("over the size limit", r.Reason, StringComparison.Ordinal);
        var lines = Read(Write("big.jsonl", "{\"id\":\"x\",\"text\":\"" + new string('a', 5000) + "\"}\n{\"id\":\"y\",\"text\":\"small\"}\n"));
        Assert.Contains("over the size limit", Assert.IsType<Rejection>(lines[0]).Reason, StringComparison.Ordinal);
        Assert.IsType<AcceptedDocument>(lines[1]);
    }

    [Fact]
    public void Json_lines_keep_good_lines_beside_a_broken_one()
    {
        var path = Write("docs.jsonl",
            "{\"id\":\"a\",\"text\":\"The Taliban took Herat.\",\"date\":\"2021-08-12\",\"title\":\"T\",\"source\":\"wire\",\"url\":\"https://example.org/a\"}\n"
            + "{\"id\":\"b\",\"text\":\"broken\n"
            + "\n"
            + "{\"id\":\"c\",\"text\":\"Les talibans ont pris Hérat.\",\"language\":\"fr-FR\"}\n"
            + "{\"id\":\"d\",\"text\":\"\"}\n"
            + "{\"id\":\"e\",\"text\":\"x\",\"date\":\"someday\"}\n"
            + "[1,2]\n");
        var items = Read(path);
        Assert.Equal(6, items.Count);
        var a = Assert.IsType<AcceptedDocument>(items[0]).Document;
        Assert.Equal(("a", "T", "wire", "https://example.org/a"), (a.Id, a.Title, a.Source, a.Url));
        Assert.Equal(new PartialDate(2021, 8, 12), a.Date);
        var broken = Assert.IsType<Rejection>(items[1]);
        Assert.Equal(2, broken.Line);
        Assert.StartsWith("not JSON", broken.Reason, StringComparison.Ordinal);
        var c = Assert.IsType<AcceptedDocument>(items[2]).Document;
        Assert.Null(c.Date);
        Assert.Equal("fr", c.Language);
        Assert.Equal((5, "empty text"), (((Rejection)items[3]).Line, ((Rejection)items[3]).Reason));
        Assert.StartsWith("bad date", ((Rejection)items[4]).Reason, StringComparison.Ordinal);
        Assert.Equal("not a JSON object", ((Rejection)items[5]).Reason);
    }

    [Fact]
    public void Json_dates_may_carry_a_time()
    {
        var doc = Assert.IsType<AcceptedDocument>(Read(Write("t.jsonl", "{\"id\":\"a\",\"text\":\"Kabul.\",\"date\":\"2021-08-15T09:30:00Z\"}")).Single()).Document;
        Assert.Equal(new PartialDate(2021, 8, 15), doc.Date);
    }

    [Fact]
    public void Csv_reads_quoted_fields_with_commas_and_line_breaks()
    {
        var path = Write("docs.csv",
            "id,date,text,language\n"
            + "a,2021-08-13,\"Kandahar, the second city, fell.\nThe Taliban said so.\",en\n"
            + "b,2021-08-14,\"Les talibans ont dit \"\"oui\"\".\",fr\n"
            + "c,2021-08-14,only three fields\n"
            + "d,not-a-date,text,en\n");
        var items = Read(path);
        var a = Assert.IsType<AcceptedDocument>(items[0]).Document;
        Assert.Equal("Kandahar, the second city, fell.\nThe Taliban said so.", a.Text);
        Assert.Equal("Les talibans ont dit \"oui\".", Assert.IsType<AcceptedDocument>(items[1]).Document.Text);
        var short_ = Assert.IsType<Rejection>(items[2]);
        Assert.Equal(5, short_.Line);
        Assert.Contains("CSV fields", short_.Reason, StringComparison.Ordinal);
        Assert.StartsWith("bad date", Assert.IsType<Rejection>(items[3]).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_without_a_text_column_is_rejected()
    {
        var r = Assert.IsType<Rejection>(Read(Write("x.csv", "id,date\na,2021\n")).Single());
        Assert.Contains("'text' column", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rss_items_become_documents_dated_by_pubDate()
    {
        var path = Write("feed.rss", """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Wire</title><language>en-us</language>
              <item><title>Taliban take Kunduz</title><link>https://example.org/1</link><guid>g1</guid>
                <pubDate>Sun, 08 Aug 2021 14:00:00 GMT</pubDate>
                <description>&lt;p&gt;The Taliban &lt;b&gt;captured&lt;/b&gt; Kunduz on Sunday.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description></item>
              <item><title>Undated</title><description>No date here.</description></item>
            </channel></rss>
            """);
        var items = Read(path);
        var doc = Assert.IsType<AcceptedDocument>(items[0]).Document;
        Assert.Equal("g1", doc.Id);
        Assert.Equal(new PartialDate(2021, 8, 8), doc.Date);
        Assert.Equal("Taliban take Kunduz\n\nThe Taliban captured Kunduz on Sunday.", doc.Text);
        Assert.Equal("en", doc.Language);
        Assert.Contains("no date", Assert.IsType<Rejection>(items[1]).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Atom_entries_become_documents_dated_by_updated()
    {
        var path = Write("feed.atom", """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Fil</title>
              <entry><id>urn:1</id><title>Hérat tombe</title><updated>2021-08-12T20:00:00Z</updated>
                <summary>Les talibans ont pris Hérat jeudi soir.</summary><link href="https://example.org/h"/></entry>
            </feed>
            """);
        var doc = Assert.IsType<AcceptedDocument>(Read(path).Single()).Document;
        Assert.Equal(("urn:1", "https://example.org/h"), (doc.Id, doc.Url));
        Assert.Equal(new PartialDate(2021, 8, 12), doc.Date);
        Assert.Equal("fr", doc.Language);
    }

    [Fact]
    public void A_broken_feed_is_rejected_with_its_line()
    {
        var r = Assert.IsType<Rejection>(Read(Write("bad.xml", "<rss><channel>\n<item><title>x</item></channel></rss>")).Single());
        Assert.Equal(2, r.Line);
        Assert.StartsWith("not a valid RSS", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rss_reads_full_content_zone_names_and_rejects_an_unreadable_date_alone()
    {
        var path = Write("zones.rss", """
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
              <item><title>Curfew in the capital</title><guid>z1</guid><pubDate>Mon, 16 Aug 2021 23:30:00 EST</pubDate>
                <description>Short.</description><content:encoded>&lt;p&gt;The whole story.&lt;/p&gt;</content:encoded></item>
              <item><title>Second</title><guid>z2</guid><pubDate>sometime soon</pubDate><description>x</description></item>
            </channel></rss>
            """);
        var items = Read(path);
        var doc = Assert.IsType<AcceptedDocument>(items[0]).Document;
        Assert.Equal(new PartialDate(2021, 8, 16), doc.Date);
        Assert.Equal("Curfew in the capital\n\nThe whole story.", doc.Text);
        var bad = Assert.IsType<Rejection>(items[1]);
        Assert.Equal(4, bad.Line);
        Assert.Contains("date", bad.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_with_an_unterminated_quote_is_rejected_at_the_record()
    {
        var items = Read(Write("cut.csv", "id,text\na,fine\nb,\"cut off\n"));
        Assert.Equal("fine", Assert.IsType<AcceptedDocument>(items[0]).Document.Text);
        var r = Assert.IsType<Rejection>(items[1]);
        Assert.Equal(3, r.Line);
        Assert.Contains("unterminated", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_input_is_read_and_sniffed()
    {
        var items = _reader.Read(["-"], new StringReader("{\"id\":\"s\",\"text\":\"From stdin.\"}\n")).ToList();
        Assert.Equal("s", Assert.IsType<AcceptedDocument>(items.Single()).Document.Id);
        var text = _reader.Read(["-"], new StringReader("date 2021-08-15 Kabul falls.")).Single();
        Assert.Equal(new PartialDate(2021, 8, 15), Assert.IsType<AcceptedDocument>(text).Document.Date);
    }

    [Fact]
    public void Folders_are_read_recursively_and_skip_files_that_are_not_documents()
    {
        Write("f/a.txt", "date 2021-08-01 One.");
        Write("f/sub/b.jsonl", "{\"id\":\"b\",\"text\":\"Two.\"}");
        Write("f/index.tsv", "file\tdate\n");
        var items = Read(Path.Combine(_dir, "f"));
        Assert.Equal(2, items.OfType<AcceptedDocument>().Count());
        Assert.Empty(items.OfType<Rejection>());
    }

    [Fact]
    public void A_missing_path_is_a_rejection_not_a_crash()
    {
        var r = Assert.IsType<Rejection>(Read(Path.Combine(_dir, "nope.txt")).Single());
        Assert.Equal("no such file or folder", r.Reason);
    }

    [Fact]
    public void The_same_text_and_date_give_the_same_content_key_and_id()
    {
        var a = (AcceptedDocument)Read(Write("x/a.txt", "date 2021-08-13 Kandahar  falls.\n"))[0];
        var b = (AcceptedDocument)Read(Write("y/a.txt", "date 2021-08-13 Kandahar falls."))[0];
        var c = (AcceptedDocument)Read(Write("z/a.txt", "date 2021-08-14 Kandahar falls."))[0];
        Assert.Equal(a.ContentKey, b.ContentKey);
        Assert.Equal(a.Document.Id, b.Document.Id);
        Assert.NotEqual(a.ContentKey, c.ContentKey);
    }

    [Fact]
    public void A_json_lines_file_that_turns_out_not_utf8_keeps_the_lines_before()
    {
        var path = Path.Combine(_dir, "mixed.jsonl");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("{\"id\":\"a\",\"text\":\"Kaboul.\"}\n{\"id\":\"b\",\"text\":\"H"), 0xE9, .. Encoding.ASCII.GetBytes("rat\"}\n")]);
        var items = Read(path);
        Assert.Equal("a", Assert.IsType<AcceptedDocument>(items[0]).Document.Id);
        var r = Assert.IsType<Rejection>(items[1]);
        Assert.Equal((2, "not UTF-8"), (r.Line, r.Reason));
    }
}
