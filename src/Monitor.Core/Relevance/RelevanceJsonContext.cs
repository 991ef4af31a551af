using System.Text.Json.Serialization;

namespace NewsMonitor.Relevance;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(LabelledExample))]
[JsonSerializable(typeof(EvaluationReport))]
internal sealed partial class RelevanceJsonContext : JsonSerializerContext;
