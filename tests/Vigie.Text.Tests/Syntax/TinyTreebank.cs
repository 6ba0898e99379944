using Vigie.Text.Syntax;

namespace Vigie.Text.Tests.Syntax;

/// <summary>A treebank of a few sentences written for these tests, small enough to train on in a test.</summary>
internal static class TinyTreebank
{
    public const string Text = """
        # text = The rebels seized the town.
        1	The	the	DET	_	Definite=Def|PronType=Art	2	det	_	_
        2	rebels	rebel	NOUN	_	Number=Plur	3	nsubj	_	_
        3	seized	seize	VERB	_	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
        4	the	the	DET	_	Definite=Def|PronType=Art	5	det	_	_
        5	town	town	NOUN	_	Number=Sing	3	obj	_	SpaceAfter=No
        6	.	.	PUNCT	_	_	3	punct	_	_

        # text = The army took the city.
        1	The	the	DET	_	Definite=Def|PronType=Art	2	det	_	_
        2	army	army	NOUN	_	Number=Sing	3	nsubj	_	_
        3	took	take	VERB	_	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
        4	the	the	DET	_	Definite=Def|PronType=Art	5	det	_	_
        5	city	city	NOUN	_	Number=Sing	3	obj	_	SpaceAfter=No
        6	.	.	PUNCT	_	_	3	punct	_	_

        # text = Police arrested students in the capital.
        1	Police	police	NOUN	_	Number=Plur	2	nsubj	_	_
        2	arrested	arrest	VERB	_	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
        3	students	student	NOUN	_	Number=Plur	2	obj	_	_
        4	in	in	ADP	_	_	6	case	_	_
        5	the	the	DET	_	Definite=Def|PronType=Art	6	det	_	_
        6	capital	capital	NOUN	_	Number=Sing	2	obl	_	SpaceAfter=No
        7	.	.	PUNCT	_	_	2	punct	_	_

        # text = The village was attacked by gunmen.
        1	The	the	DET	_	Definite=Def|PronType=Art	2	det	_	_
        2	village	village	NOUN	_	Number=Sing	4	nsubj:pass	_	_
        3	was	be	AUX	_	Mood=Ind|Tense=Past|VerbForm=Fin	4	aux:pass	_	_
        4	attacked	attack	VERB	_	Tense=Past|VerbForm=Part|Voice=Pass	0	root	_	_
        5	by	by	ADP	_	_	6	case	_	_
        6	gunmen	gunman	NOUN	_	Number=Plur	4	obl	_	SpaceAfter=No
        7	.	.	PUNCT	_	_	4	punct	_	_

        # text = Soldiers cannot leave the base.
        1	Soldiers	soldier	NOUN	_	Number=Plur	4	nsubj	_	_
        2-3	cannot	_	_	_	_	_	_	_	_
        2	can	can	AUX	_	VerbForm=Fin	4	aux	_	_
        3	not	not	PART	_	_	4	advmod	_	_
        4	leave	leave	VERB	_	VerbForm=Inf	0	root	_	_
        5	the	the	DET	_	Definite=Def|PronType=Art	6	det	_	_
        6	base	base	NOUN	_	Number=Sing	4	obj	_	SpaceAfter=No
        7	.	.	PUNCT	_	_	4	punct	_	_

        """;

    public static List<ConlluSentence> Sentences() => Conllu.Read(new StringReader(Text), "tiny.conllu");
}
