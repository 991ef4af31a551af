namespace NewsMonitor.Topics;

internal enum QueryTokenKind { Word, Phrase, OpenParen, CloseParen, Or, And, Not, Minus, Near, TitleScope, ListRef, End }

/// <summary>A lexical token of a topic query; <see cref="Distance"/> is set for NEAR/n.</summary>
internal readonly record struct QueryToken(QueryTokenKind Kind, string Text, int Position, int Distance = 0);
