using System.Text;
using Vigie.Core;
using Vigie.Pipeline.Distributed;

namespace Vigie.Pipeline.Tests.Distributed;

/// <summary>Hostile input on the worker's side: a message the readers would have rejected is invalid, never a crash.</summary>
public sealed class DocumentQueueMessageTests
{
    private static byte[] Message(string document) => Encoding.UTF8.GetBytes("{\"document\":" + document + ",\"content_key\":\"sha256:ab\"}");

    [Fact]
    public void A_good_message_round_trips()
    {
        var m = new DocumentMessage(new Document("a", "Kabul fell.", new PartialDate(2021, 8, 15), "en"), "sha256:ab");
        Assert.Equal(m.Document, DocumentQueue.Deserialize(DocumentQueue.Serialize(m))?.Document);
    }

    [Theory]
    [InlineData("{\"id\":\"a\",\"text\":\"abc \\ud800\",\"language\":\"en\"}")]
    [InlineData("{\"id\":\"a\",\"text\":\"Kabul.\",\"language\":\"a very long language name\"}")]
    [InlineData("{\"id\":\"a\\u0007\",\"text\":\"Kabul.\",\"language\":\"en\"}")]
    public void A_message_the_readers_would_reject_is_invalid(string document)
    {
        Assert.Null(DocumentQueue.Deserialize(Message(document)));
    }

    [Fact]
    public void An_id_over_256_characters_is_invalid()
    {
        Assert.Null(DocumentQueue.Deserialize(Message("{\"id\":\"" + new string('i', 257) + "\",\"text\":\"Kabul.\",\"language\":\"en\"}")));
    }
}
