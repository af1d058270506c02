namespace ArxivDigest.Scoring.Judging;

/// <summary>The JSON schemas that structured outputs hold the replies to.</summary>
public static class ReplySchemas
{
    public static readonly BinaryData Scores = BinaryData.FromString("""
        {
          "type": "object",
          "properties": {
            "verdicts": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "id": { "type": "string" },
                  "relevance": { "type": "integer" },
                  "novelty": { "type": "integer" },
                  "comment": { "type": "string" }
                },
                "required": ["id", "relevance", "novelty", "comment"],
                "additionalProperties": false
              }
            }
          },
          "required": ["verdicts"],
          "additionalProperties": false
        }
        """);

    public static readonly BinaryData TitleRejections = BinaryData.FromString("""
        {
          "type": "object",
          "properties": {
            "irrelevant": { "type": "array", "items": { "type": "string" } }
          },
          "required": ["irrelevant"],
          "additionalProperties": false
        }
        """);
}
