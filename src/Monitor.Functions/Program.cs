using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using NewsMonitor.Functions;

// The Functions app only binds triggers to Monitor.Core: the same AddNewsMonitor as `monitor run`.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
FunctionsAppServices.Add(builder.Services, builder.Configuration);
builder.Build().Run();
