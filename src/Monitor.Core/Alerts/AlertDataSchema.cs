using Microsoft.AspNetCore.Http;

namespace NewsMonitor.Alerts;

/// <summary>
/// The JSON Schema (2020-12) of an alert's <c>data</c>, version 1, served at <c>GET /api/schemas/alert-data.v1.json</c>
/// beside the OpenAPI document. Version 1 only ever gains optional fields; a change that removes or retypes a field
/// is published as alert-data.v2.json. A test checks real alerts against it.
/// </summary>
public static class AlertDataSchema
{
    public const string Path = "schemas/alert-data.v1.json";

    public static IResult Result() => Results.Text(Json, "application/schema+json; charset=utf-8");

    public const string Json = """
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://newsmonitor.example/schemas/alert-data.v1.json",
      "title": "NewsMonitor alert data, version 1",
      "description": "The data of a newsmonitor.match CloudEvent: which story matched which topics, and why, in words a person reads and in fields a program reads.",
      "type": "object",
      "required": ["topic", "item", "terms", "hits", "snippet", "sources"],
      "properties": {
        "topic": { "$ref": "#/$defs/topic", "description": "The topic of the subscription this alert is for." },
        "why": { "type": "string", "description": "One sentence for a person, e.g. Matched Shikotan island: \"shikotan\" in the title." },
        "topics": {
          "type": "array",
          "description": "Every topic the story matched, the alert's own first, each with its own sentence.",
          "items": {
            "allOf": [{ "$ref": "#/$defs/topic" }],
            "properties": { "why": { "type": "string" } }
          }
        },
        "item": {
          "type": "object",
          "required": ["id", "title", "feed"],
          "properties": {
            "id": { "type": "string", "description": "The item's id within its feed." },
            "title": { "type": "string", "description": "Plain text." },
            "link": { "type": "string", "description": "The link as the feed gave it." },
            "canonicalLink": { "type": "string", "description": "The link without utm_* and other tracking parameters and without a fragment (the form stories are deduplicated by)." },
            "published": { "type": "string", "format": "date-time" },
            "feed": { "type": "string", "description": "The URL of the feed the item was read from." },
            "feedName": { "type": "string", "description": "That feed's name, where the feed list gives one." },
            "language": { "type": "string", "description": "The item's language (BCP 47, e.g. en, ja, ru), where known." },
            "summary": { "type": "string", "description": "Plain text, at most 500 characters." }
          }
        },
        "terms": { "type": "array", "items": { "type": "string" }, "description": "The distinct matched terms, in the order first found." },
        "hits": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["term", "field"],
            "properties": { "term": { "type": "string" }, "field": { "type": "string", "enum": ["title", "summary"] } }
          }
        },
        "snippet": { "type": "string", "description": "Text around the hits, each hit in [brackets]." },
        "sources": { "type": "array", "items": { "type": "string" }, "description": "Every feed known to have carried the story, the item's own first." },
        "sourceFeeds": {
          "type": "array",
          "description": "The same feeds with their names, where known.",
          "items": {
            "type": "object",
            "required": ["url"],
            "properties": { "url": { "type": "string" }, "name": { "type": "string" } }
          }
        }
      },
      "$defs": {
        "topic": {
          "type": "object",
          "required": ["id", "name"],
          "properties": { "id": { "type": "string" }, "name": { "type": "string" } }
        }
      }
    }
    """;
}
