using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsMonitor.Alerts;

/// <summary>
/// Source-generated System.Text.Json metadata for alerts: camelCase, nulls left out (CloudEvents forbids null
/// attribute values; absent optional fields are simply omitted). Use <c>AlertJsonContext.Default.AlertEvent</c>
/// to read an alert back.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AlertEvent))]
public sealed partial class AlertJsonContext : JsonSerializerContext;
