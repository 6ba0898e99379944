using System.Diagnostics;
using System.Text;
using Vigie.Text;

namespace Vigie.Ingest.Tests;

/// <summary>One reader for the hostile-input tests: loading the language identifier once keeps them quick.</summary>
public sealed class ReaderFixture
{
    public LanguageIdentifier Languages { get; } = LanguageIdentifier.Load(DataPaths.Root);

    public DocumentReader Reader(int maxBytes = 4096) => new(Languages, new ReaderOptions(MaxDocumentBytes: maxBytes));
}

/// <summary>Hostile inputs (files in Hostile/ with their expected rejections, and the ones only the file system
/// can make: links, FIFOs, devices, odd names), each bounded in time.</summary>
public sealed class HostileInputTests(ReaderFixture fixture) : IClassFixture<ReaderFixture>, IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Hostile");
    private readonly string _dir = Directory.CreateTempSubdirectory("vigie-hostile-").FullName;
    private readonly DocumentReader _reader = fixture.Reader();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Runs <paramref name="read"/> on another thread and fails when it does not end in time.</summary>
    internal static T Bounded<T>(Func<T> read)
    {
        var task = Task.Factory.StartNew(read, TaskCreationOptions.LongRunning);
        Assert.True(task.Wait(Limit), "the read did not end in time");
        return task.Result;
    }

    private List<IngestItem> Read(params string[] paths) => Bounded(() => _reader.Read(paths).ToList());

    public static TheoryData<string, int, string> Manifest()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var line in File.ReadLines(Path.Combine(Folder, "manifest.tsv")).Skip(2))
        {
            if (line.StartsWith('#') || line.Length == 0) continue;
            var cols = line.Split('\t');
            data.Add(cols[0], int.Parse(cols[1], System.Globalization.CultureInfo.InvariantCulture), cols.Length > 2 ? cols[2] : "");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Manifest))]
    public void Hostile_files_give_their_expected_rejections_and_keep_the_good_documents(string file, int accepted, string rejections)
    {
        var items = Read(Path.Combine(Folder, file));
        var got = items.OfType<Rejection>().Select(r => $"{r.Line}:{r.Reason}").ToList();
        var expected = rejections.Split('|', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(expected.Length == got.Count, $"{file}: expected {expected.Length} rejections, got:\n{string.Join("\n", got)}");
        foreach (var (want, have) in expected.Zip(got))
        {
            var (line, reason) = (want[..want.IndexOf(':', StringComparison.Ordinal)], want[(want.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            Assert.True((line == "*" || have.StartsWith(line + ":", StringComparison.Ordinal)) && have.Contains(reason, StringComparison.Ordinal), $"{file}: expected {want}, got {have}");
        }
        Assert.Equal(accepted, items.OfType<AcceptedDocument>().Count());
        Assert.DoesNotContain(items.OfType<AcceptedDocument>(), d => d.Document.Text.Contains("root:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_lone_surrogate_in_a_request_body_is_one_rejection()
    {
        var body = File.ReadAllText(Path.Combine(Folder, "lone-surrogate.jsonl"));
        var items = _reader.ReadContent("request", body, InputFormat.JsonLines).ToList();
        Assert.Equal(["ok1", "ok2"], items.OfType<AcceptedDocument>().Select(d => d.Document.Id));
        Assert.Equal([2, 4], items.OfType<Rejection>().Select(r => r.Line));
    }

    [Fact]
    public void Ambiguous_and_loose_dates_are_refused_the_same_way_in_every_format()
    {
        foreach (var date in new[] { "01/02/2021", "2021-8-1", "2021-08-01T25:00:00" })
        {
            var json = Assert.IsType<Rejection>(_reader.ReadContent("r", "{\"text\":\"Kabul.\",\"date\":\"" + date + "\"}", InputFormat.JsonLines).Single());
            var csv = Assert.IsType<Rejection>(_reader.ReadContent("r", "text,date\nKabul.," + date + "\n", InputFormat.Csv).Single());
            var text = Assert.IsType<Rejection>(_reader.ReadContent("r", "date " + date + " Kabul.", InputFormat.DatedText).Single());
            var feed = Assert.IsType<Rejection>(_reader.ReadContent("r", $"<rss><channel><item><title>Kabul</title><pubDate>{date}</pubDate></item></channel></rss>", InputFormat.Feed).Single());
            Assert.Equal(json.Reason, csv.Reason);
            Assert.Equal(json.Reason, text.Reason);
            Assert.Equal(json.Reason, feed.Reason);
        }
    }

    [Fact]
    public void Symlink_loops_end_and_a_linked_folder_is_read_once()
    {
        if (!OperatingSystem.IsLinux()) return;
        var t = Directory.CreateDirectory(Path.Combine(_dir, "t")).FullName;
        File.WriteAllText(Path.Combine(t, "a.txt"), "date 2021-08-01 One.");
        Directory.CreateSymbolicLink(Path.Combine(t, "l1"), ".");
        Directory.CreateSymbolicLink(Path.Combine(t, "l2"), ".");
        var sub = Directory.CreateDirectory(Path.Combine(t, "sub")).FullName;
        File.WriteAllText(Path.Combine(sub, "b.txt"), "date 2021-08-02 Two.");
        Directory.CreateSymbolicLink(Path.Combine(t, "sub-link"), "sub");
        Directory.CreateSymbolicLink(Path.Combine(sub, "up"), "..");
        var items = Read(t);
        Assert.Empty(items.OfType<Rejection>());
        Assert.Equal(2, items.OfType<AcceptedDocument>().Count());
    }

    [Fact]
    public void A_folder_walk_yields_before_the_whole_tree_is_listed()
    {
        var root = Directory.CreateDirectory(Path.Combine(_dir, "w")).FullName;
        File.WriteAllText(Path.Combine(root, "a.txt"), "date 2021-08-01 One.");
        var later = Directory.CreateDirectory(Path.Combine(root, "z")).FullName;
        File.WriteAllText(Path.Combine(later, "b.txt"), "date 2021-08-02 Two.");
        using var e = _reader.Read([root]).GetEnumerator();
        Assert.True(e.MoveNext());
        // The first document came before the walk entered z: removing z now means none of it is read.
        Directory.Delete(later, recursive: true);
        var rest = new List<IngestItem>();
        while (e.MoveNext()) rest.Add(e.Current);
        Assert.Empty(rest.OfType<AcceptedDocument>());
        Assert.DoesNotContain(rest, i => i.File.EndsWith("b.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void Fifos_and_devices_are_refused_without_blocking()
    {
        if (!OperatingSystem.IsLinux()) return;
        var fifo = Path.Combine(_dir, "pipe.jsonl");
        using (var mk = Process.Start("mkfifo", fifo)) mk.WaitForExit();
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "f")).FullName;
        var inFolder = Path.Combine(folder, "pipe.txt");
        using (var mk = Process.Start("mkfifo", inFolder)) mk.WaitForExit();
        File.WriteAllText(Path.Combine(folder, "ok.txt"), "date 2021-08-01 Fine.");
        var items = Read(fifo, "/dev/zero", "/dev/null", folder);
        var rejections = items.OfType<Rejection>().ToList();
        Assert.Equal(4, rejections.Count);
        Assert.All(rejections, r => Assert.Contains("not a regular file", r.Reason, StringComparison.Ordinal));
        Assert.Single(items.OfType<AcceptedDocument>());
    }

    [Fact]
    public void A_newline_in_a_file_name_cannot_split_a_rejection_line()
    {
        var path = Path.Combine(_dir, "a\nb.txt");
        File.WriteAllText(path, "no date header");
        var r = Assert.IsType<Rejection>(Read(path).Single());
        Assert.DoesNotContain('\n', r.ToString());
        Assert.Contains("a\\nb.txt:1: no date header", r.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_whose_name_is_not_utf8_is_read_from_a_folder()
    {
        if (!OperatingSystem.IsLinux()) return;
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "n")).FullName;
        using (var sh = Process.Start("sh", ["-c", "printf 'date 2021-08-01 Kabul.' > \"$1/caf$(printf '\\351').txt\"", "sh", folder])) sh.WaitForExit();
        var doc = Assert.IsType<AcceptedDocument>(Read(folder).Single());
        Assert.EndsWith("caf\\xE9.txt", doc.File, StringComparison.Ordinal);
        Assert.Equal("Kabul.", doc.Document.Text);
        // .NET cannot name that file to delete it.
        using (var rm = Process.Start("rm", ["-rf", folder])) rm.WaitForExit();
    }

    [Fact]
    public void A_huge_line_is_bounded_while_it_is_read()
    {
        var path = Path.Combine(_dir, "huge.jsonl");
        using (var f = File.Create(path))
        {
            f.Write("{\"id\":\"x\",\"text\":\""u8);
            var block = Encoding.ASCII.GetBytes(new string('a', 1 << 20));
            for (var i = 0; i < 32; i++) f.Write(block);
            f.Write("\"}\n{\"id\":\"y\",\"text\":\"After it.\"}\n"u8);
        }
        var (items, allocated) = Bounded(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var list = _reader.Read([path]).ToList();
            return (list, GC.GetAllocatedBytesForCurrentThread() - before);
        });
        Assert.Contains("over the size limit", Assert.IsType<Rejection>(items[0]).Reason, StringComparison.Ordinal);
        Assert.Equal("y", Assert.IsType<AcceptedDocument>(items[1]).Document.Id);
        Assert.True(allocated < 8 << 20, $"{allocated:N0} bytes allocated to read a 32 MB line");
    }

    [Fact]
    public void A_huge_csv_record_and_a_huge_text_file_are_bounded_too()
    {
        var csv = Path.Combine(_dir, "huge.csv");
        File.WriteAllText(csv, "id,text\na,\"" + new string('a', 32 << 20) + "\"\nb,After it.\n");
        var (items, csvAllocated) = Bounded(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var list = _reader.Read([csv]).ToList();
            return (list, GC.GetAllocatedBytesForCurrentThread() - before);
        });
        Assert.True(csvAllocated < 8 << 20, $"{csvAllocated:N0} bytes allocated to read a 32 MB CSV record");
        Assert.Equal((2, "over the size limit"), (((Rejection)items[0]).Line, ((Rejection)items[0]).Reason));
        Assert.Equal("b", Assert.IsType<AcceptedDocument>(items[1]).Document.Id);
        var txt = Path.Combine(_dir, "huge.txt");
        File.WriteAllText(txt, "date 2021-08-01 " + new string('a', 4 << 20));
        var (text, allocated) = Bounded(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var list = _reader.Read([txt]).ToList();
            return (list, GC.GetAllocatedBytesForCurrentThread() - before);
        });
        Assert.Contains("over the size limit", Assert.IsType<Rejection>(text.Single()).Reason, StringComparison.Ordinal);
        Assert.True(allocated < 1 << 20, $"{allocated:N0} bytes allocated to refuse a 4 MB text file");
    }

    [Fact]
    public void Deeply_nested_xml_is_cut_at_the_depth_cap()
    {
        var xml = "<rss><channel><item>" + string.Concat(Enumerable.Repeat("<x>", 100_000)) + string.Concat(Enumerable.Repeat("</x>", 100_000)) + "</item></channel></rss>";
        var r = Assert.IsType<Rejection>(Bounded(() => _reader.ReadContent("deep.xml", xml, InputFormat.Feed).ToList()).Single());
        Assert.Contains("nested deeper than 64", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unterminated_quote_far_from_the_end_costs_its_row_and_reports_each_row_lost_past_the_limit()
    {
        var rows = string.Concat(Enumerable.Range(0, 100).Select(i => $"r{i},{new string('a', 1000)}\n"));
        var items = Bounded(() => _reader.ReadContent("cut.csv", "id,text\nx,\"open\n" + rows, InputFormat.Csv).ToList());
        // 100 lines of 1,000 characters do not fit the limit (4,096 bytes and room for other columns), so the open field's lines are not kept: each is reported.
        Assert.Equal("unterminated quoted CSV field", ((Rejection)items[0]).Reason);
        Assert.Equal(101, items.Count);
        Assert.All(items.Skip(1), i => Assert.Contains("lost in the unterminated quoted field of line 2", ((Rejection)i).Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_json_array_file_is_streamed_element_by_element()
    {
        var path = Path.Combine(_dir, "many.json");
        using (var w = new StreamWriter(path))
        {
            w.Write(new string(' ', 100_000) + "[\n"); // the '[' past the first read
            for (var i = 0; i < 20_000; i++) w.Write($"{{\"id\":\"e{i}\",\"text\":\"Kabul fell on Sunday, {i}.\",\"date\":\"2021-08-15\",\"language\":\"en\"}},\n");
            w.Write("{\"id\":\"huge\",\"text\":\"" + new string('a', 8 << 20) + "\"}]\n");
        }
        var (items, allocated) = Bounded(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var list = _reader.Read([path]).Select(i => i is AcceptedDocument a ? (IngestItem)new Rejection(a.File, a.Line, "") : i).ToList();
            return (list, GC.GetAllocatedBytesForCurrentThread() - before);
        });
        Assert.True(items.Count == 20_001, items[0].ToString());
        Assert.Equal(20_002, items[^1].Line);
        Assert.All(items.SkipLast(1), i => Assert.Equal("", ((Rejection)i).Reason));
        Assert.Contains("over the size limit", ((Rejection)items[^1]).Reason, StringComparison.Ordinal);
        Assert.Equal(2, items[0].Line);
        Assert.True(allocated < 128 << 20, $"{allocated:N0} bytes allocated");
    }
}
