using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Hosting;
using NewsMonitor.Hosting;
using NewsMonitor.Telemetry;

// The Functions app only binds triggers to Monitor.Core: the same AddNewsMonitor as `monitor run`.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddNewsMonitor(builder.Configuration);
builder.Services.AddMonitorTelemetry(builder.Configuration, otel => otel.UseFunctionsWorkerDefaults());
builder.Build().Run();
