using NewsMonitor.Cli;

return await CommandLineRunner.RunAsync(MonitorCommandLine.CreateRoot(), args);
